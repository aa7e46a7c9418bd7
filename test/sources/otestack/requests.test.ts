import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { OteApplicationInput } from '../../../src/sources/otestack/inputs.js';
import type { CreateDeploymentRequest } from '../../../src/model/operations.js';
import {
  CHART_MAX_BYTES,
  chartUpload,
  checkReplicas,
  chooseTarget,
  createAppBody,
  createUserBody,
  createDeploymentBody,
  createdDeployment,
  deploymentDraft,
  labelChanges,
  labelNames,
  pickAppVersion,
  rollbackVersion,
  targetCandidates,
} from '../../../src/sources/otestack/requests.js';
import { appRow, deploymentDetailReply, deploymentRow } from '../../../src/sources/otestack/wire.js';

const request = (overrides: Partial<CreateDeploymentRequest> = {}): CreateDeploymentRequest => ({
  clusterNativeIds: ['bj-haidian-01'],
  name: 'nginx1',
  application: 'nginx1',
  version: '1.1.1.1',
  labels: [],
  ...overrides,
});

const field = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return (err as { field?: string }).field;
  }
  return undefined;
};

describe('otestack requests', () => {
  it('builds the Create Deployment example body from a gateway request', () => {
    const draft = deploymentDraft(request({ labels: [{ key: 'node1', value: '' }], clusterNativeIds: ['cluster1', 'cluster1'] }));
    expect(draft.clusters).toEqual(['cluster1']);
    expect(createDeploymentBody(draft, 'cluster1')).toEqual({
      deployName: 'nginx1',
      appName: 'nginx1',
      version: '1.1.1.1',
      cluster: 'cluster1',
      nodeLabel: 'node1',
      comment: '',
    });
    expect(deploymentDraft(request()).nodeLabel).toBe('all');
  });

  it.each([
    ['input.name', { name: 'Nginx_1' }],
    ['input.name', { name: 'x'.repeat(64) }],
    ['input.application', { application: ' ' }],
    ['input.version', { version: '' }],
    ['input.replicas', { replicas: 0 }],
    ['input.clusterIds', { clusterNativeIds: [] }],
    ['input.labels', { labels: [{ key: 'gpu', value: 'true' }] }],
    [
      'input.labels',
      {
        labels: [
          { key: 'a', value: '' },
          { key: 'b', value: '' },
        ],
      },
    ],
  ] as const)('a draft with a bad %s is refused', (name, overrides) => {
    expect(field(() => deploymentDraft(request(overrides as Partial<CreateDeploymentRequest>)))).toBe(name);
  });

  it('accepts bare label names only, each once', () => {
    expect(
      labelNames(
        [
          { key: 'GuangZhou', value: '' },
          { key: 'edge-1.a', value: '' },
          { key: 'GuangZhou', value: '' },
        ],
        'labels',
      ),
    ).toEqual(['GuangZhou', 'edge-1.a']);
    expect(field(() => labelNames([{ key: 'gpu', value: 'yes' }], 'labels'))).toBe('labels');
    expect(field(() => labelNames([{ key: 'all', value: '' }], 'labels'))).toBe('labels');
    expect(field(() => labelNames([{ key: 'a b', value: '' }], 'labels'))).toBe('labels');
    expect(field(() => labelNames([{ key: 'x'.repeat(64), value: '' }], 'labels'))).toBe('labels');
  });

  it('offers a cluster by name, several by "all" or the labels they all carry', () => {
    const labels = new Map([
      ['a', ['north', 'prod', 'bj']],
      ['b', ['north', 'bj']],
    ]);
    expect(targetCandidates(['a'], labels)).toEqual(['a']);
    expect(targetCandidates(['b', 'a'], labels)).toEqual(['all', 'bj', 'north']);
    expect(targetCandidates(['a', 'c'], labels)).toEqual(['all']);
  });

  it('chooses the first candidate covering exactly the requested clusters', () => {
    const coverage = new Map([
      ['all', ['a', 'b', 'c']],
      ['bj', ['a', 'b']],
      ['north', ['a', 'b']],
    ]);
    expect(chooseTarget(['b', 'a'], coverage)).toBe('bj');
    expect(chooseTarget(['a', 'b', 'c'], coverage)).toBe('all');
    expect(field(() => chooseTarget(['a', 'c'], coverage))).toBe('input.clusterIds');
    // A cluster named like a label would take the label's clusters along.
    expect(field(() => chooseTarget(['bj'], new Map([['bj', ['bj', 'a']]])))).toBe('input.clusterIds');
  });

  it('picks the application version, blaming the application or the version', () => {
    const apps = [appRow.parse({ appName: 'nginx1', version: '1.2', deployType: 'deployment', replicas: 10 })];
    const fields = { application: 'input.application', version: 'input.version' };
    expect(pickAppVersion(apps, 'nginx1', '1.2', fields)).toMatchObject({ replicas: 10 });
    expect(field(() => pickAppVersion(apps, 'nginx2', '1.2', fields))).toBe('input.application');
    expect(field(() => pickAppVersion(apps, 'nginx1', '1.3', fields))).toBe('input.version');
  });

  it('accepts replicas only as the application version sets them', () => {
    const app = appRow.parse({ appName: 'nginx1', version: '1.2', deployType: 'deployment', replicas: 10 });
    expect(() => checkReplicas(app, undefined)).not.toThrow();
    expect(() => checkReplicas(app, 10)).not.toThrow();
    expect(field(() => checkReplicas(app, 3))).toBe('input.replicas');
    expect(field(() => checkReplicas({ ...app, deployType: 'daemonset' }, 10))).toBe('input.replicas');
  });

  describe('rollbackVersion', () => {
    const detail = (version: string, history: [string, number, number][]) =>
      deploymentDetailReply.parse({
        data: {
          id: 1,
          deployName: 'nginx1',
          version,
          status: 5,
          historyVersion: history.map(([v, deployType, status]) => ({ version: v, deployType, status })),
        },
      }).data;

    it('defaults to the latest successful version other than the current one', () => {
      expect(
        rollbackVersion(
          detail('1.3', [
            ['1.1', 1, 5],
            ['1.2', 2, 6],
            ['1.3', 2, 5],
          ]),
          undefined,
        ),
      ).toBe('1.2');
      // A failed upgrade is not a version to go back to.
      expect(
        rollbackVersion(
          detail('1.3', [
            ['1.1', 1, 5],
            ['1.2', 2, 7],
            ['1.3', 2, 7],
          ]),
          undefined,
        ),
      ).toBe('1.1');
      expect(field(() => rollbackVersion(detail('1.1', [['1.1', 1, 5]]), undefined))).toBe('version');
    });

    it('takes a version once run successfully, and no other', () => {
      const d = detail('1.3', [
        ['1.1', 1, 5],
        ['1.2', 2, 7],
        ['1.3', 2, 5],
      ]);
      expect(rollbackVersion(d, '1.1')).toBe('1.1');
      expect(field(() => rollbackVersion(d, '1.2'))).toBe('version');
      expect(field(() => rollbackVersion(d, '1.3'))).toBe('version');
    });
  });

  it('turns the current labels into the requested ones with the fewest changes', () => {
    expect(labelChanges(['a', 'b', 'c'], ['c', 'd'])).toEqual({ add: ['d'], remove: ['a', 'b'] });
    expect(labelChanges(['a'], ['a'])).toEqual({ add: [], remove: [] });
  });

  it('finds the deployment just created: the newest live one of that name', () => {
    const rows = [
      { id: 3, deployName: 'nginx1', status: 9 },
      { id: 7, deployName: 'nginx1', status: 0 },
      { id: 8, deployName: 'nginx2', status: 0 },
    ].map((r) => deploymentRow.parse(r));
    expect(createdDeployment(rows, 'nginx1')?.id).toBe(7);
    expect(createdDeployment(rows, 'nginx3')).toBeUndefined();
  });
});

const fixture = (name: string): any => JSON.parse(readFileSync(new URL(`../../fixtures/otestack/${name}.json`, import.meta.url), 'utf8'));

/** The Create Application example's application, in the gateway's words. */
const exampleApp = (overrides: Partial<OteApplicationInput> = {}): OteApplicationInput => ({
  name: 'nginx1',
  workload: 'deployment',
  image: 'nginx:latest',
  version: '1.2',
  repositoryId: 'repo1',
  replicas: 10,
  ports: [{ port: 8080, hostPort: 9090 }],
  command: '',
  volumes: [
    { path: '/host/usr/bin', hostPath: '/usr/bin', readOnly: true },
    { path: '/host/usr/sbin', hostPath: '/usr/sbin', readOnly: true },
  ],
  env: [{ name: 'NGINX_PATH', value: '/usr/share/nginx/' }],
  minReplicas: 2,
  maxReplicas: 20,
  minCpuCores: 0.1,
  maxCpuCores: 2,
  autoscaled: true,
  targetCpuPercent: 100,
  targetMemoryPercent: 150,
  minMemoryMib: 100,
  maxMemoryMib: 200,
  maxUnavailable: 1,
  maxSurge: 1,
  minReadySeconds: 10,
  ...overrides,
});

describe('otestack Create Application body', () => {
  it('is the document’s example body for the example’s application (CPU in cores becomes percent of a core)', () => {
    expect(createAppBody(exampleApp())).toEqual(fixture('app-create.request'));
  });

  it('leaves out what is not given, and sends a volume’s readOnly as false when absent', () => {
    const { repositoryId, command, env, replicas, minReplicas, maxReplicas, ...required } = exampleApp({ volumes: [{ path: '/data', hostPath: '/srv' }] });
    const body = createAppBody(required);
    expect(body.volume).toEqual([{ path: '/data', hostPath: '/srv', readOnly: false }]);
    for (const key of ['repositoryId', 'command', 'env', 'replicas', 'minReplicas', 'maxReplicas', 'GPU']) expect(body).not.toHaveProperty(key);
  });

  it('names the input field it refuses, before anything is sent', () => {
    expect(field(() => createAppBody(exampleApp({ name: 'Nginx_1' })))).toBe('input.name');
    expect(field(() => createAppBody(exampleApp({ version: 'latest' })))).toBe('input.version');
    expect(field(() => createAppBody(exampleApp({ ports: [] })))).toBe('input.ports');
    expect(field(() => createAppBody(exampleApp({ ports: [{ port: 8080 }, { port: 70_000 }] })))).toBe('input.ports[1]');
    expect(field(() => createAppBody(exampleApp({ minCpuCores: 0.105 })))).toBe('input.minCpuCores');
    expect(field(() => createAppBody(exampleApp({ minCpuCores: 3 })))).toBe('input.maxCpuCores');
    expect(field(() => createAppBody(exampleApp({ minMemoryMib: 300 })))).toBe('input.maxMemoryMib');
    expect(field(() => createAppBody(exampleApp({ minReplicas: 30 })))).toBe('input.maxReplicas');
    expect(field(() => createAppBody(exampleApp({ maxSurge: -1 })))).toBe('input.maxSurge');
    expect(field(() => createAppBody(exampleApp({ workload: 'daemonset' })))).toBe('input.replicas');
    expect(createAppBody(exampleApp({ workload: 'daemonset', replicas: undefined })).deployType).toBe('daemonset');
  });
});

describe('otestack Helm chart upload', () => {
  const chart = gzipSync(Buffer.from('Chart.yaml'));

  it('decodes the base64 chart for the multipart call', () => {
    const upload = chartUpload('test1', '1.2', chart.toString('base64'));
    expect(upload).toMatchObject({ appName: 'test1', version: '1.2' });
    expect(Buffer.from(upload.chart).equals(chart)).toBe(true);
  });

  it('refuses what is not base64, not a gzip stream, or over the limit, naming chartBase64 and the limit', () => {
    expect(field(() => chartUpload('test1', '1.2', 'not base64!'))).toBe('chartBase64');
    expect(field(() => chartUpload('test1', '1.2', Buffer.from('plain text chart').toString('base64')))).toBe('chartBase64');
    const big = Buffer.concat([chart, Buffer.alloc(CHART_MAX_BYTES)]).toString('base64');
    expect(() => chartUpload('test1', '1.2', big)).toThrow(`at most ${CHART_MAX_BYTES / 1024} KiB`);
    expect(field(() => chartUpload('Test 1', '1.2', chart.toString('base64')))).toBe('name');
    expect(field(() => chartUpload('test1', 'v1', chart.toString('base64')))).toBe('version');
  });
});

describe('otestack Create Sub-User body', () => {
  it('is the Create User example body (which Create Sub-User shares)', () => {
    expect(createUserBody({ name: 'u1', password: 'xxX@1234', phone: '12345678910', realName: 'hello', admin: true })).toEqual(fixture('user-create.request'));
  });

  it('refuses a password the document’s rule refuses', () => {
    for (const password of ['short1A', 'alllowercase1', 'ALLUPPERCASE1', 'NoDigitsHere', 'Waytoolongpassword1234']) {
      expect(field(() => createUserBody({ name: 'u1', password, phone: '12345678910', realName: 'hello', admin: false }))).toBe('input.password');
    }
  });
});
