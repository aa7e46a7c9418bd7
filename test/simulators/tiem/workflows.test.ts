import { beforeEach, describe, expect, it } from 'vitest';
import { FLOW_NAMES } from '../../../src/simulators/tiem/flows.js';
import { WORKFLOW_STATUSES } from '../../../src/simulators/tiem/state.js';
import { shapeDifferences } from '../../helpers/shape.js';
import { client, idleClusterId, login, useTiem } from './support.js';

// Workflows are not in the document; their shapes follow TiEM's own API definitions
// (message.QueryWorkFlowsResp / QueryWorkFlowDetailResp, structs.WorkFlowInfo / WorkFlowNodeInfo).
const INFO = { bizId: 's', bizType: 's', createTime: 's', deleteTime: 's', id: 's', name: 's', status: 's', updateTime: 's' };
const LIST_SHAPE = { code: 0, data: { workFlows: [INFO] }, message: 's', page: { page: 0, pageSize: 0, total: 0 } };
const NODE = { endTime: 's', id: 's', name: 's', parameters: 's', result: 's', startTime: 's', status: 's' };
const DETAIL_SHAPE = { code: 0, data: { info: INFO, nodeNames: ['s'], nodes: [NODE] }, message: 's' };

describe('tiem workflows', () => {
  const tiem = useTiem();
  let token = '';
  const api = () => client(tiem.sim, () => token);
  beforeEach(async () => {
    tiem.sim.reset();
    token = await login(tiem.sim);
  });

  const all = async () => (await api()('GET', '/api/v1/workflow/?pageSize=1000')).body.data.workFlows as Array<Record<string, string>>;

  it('lists seeded history in every workflow status, newest first, in the documented envelope', async () => {
    const res = await api()('GET', '/api/v1/workflow/?pageSize=1000');
    expect(shapeDifferences(res.body, LIST_SHAPE)).toEqual([]);
    const flows = res.body.data.workFlows as Array<Record<string, string>>;
    expect(new Set(flows.map((w) => w.status))).toEqual(new Set(WORKFLOW_STATUSES));
    expect(new Set(flows.map((w) => w.name))).toEqual(new Set(FLOW_NAMES));
    expect(FLOW_NAMES).toHaveLength(7);
    const times = flows.map((w) => Date.parse(w.createTime as string));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('pages and filters by status, flowName, bizId and bizType', async () => {
    const flows = await all();
    const page2 = await api()('GET', '/api/v1/workflow/?page=2&pageSize=5');
    expect(page2.body.page).toEqual({ page: 2, pageSize: 5, total: flows.length });
    expect(page2.body.data.workFlows.map((w: any) => w.id)).toEqual(flows.slice(5, 10).map((w) => w.id));
    const errors = await api()('GET', '/api/v1/workflow/?status=Error&pageSize=1000');
    expect(errors.body.page.total).toBe(flows.filter((w) => w.status === 'Error').length);
    const backups = await api()('GET', '/api/v1/workflow/?flowName=BackupCluster&pageSize=1000');
    expect(backups.body.data.workFlows.every((w: any) => w.name === 'BackupCluster')).toBe(true);
    const bizId = flows[0]!.bizId;
    const mine = await api()('GET', `/api/v1/workflow/?bizId=${bizId}&bizType=cluster&pageSize=1000`);
    expect(mine.body.page.total).toBe(flows.filter((w) => w.bizId === bizId).length);
    expect((await api()('GET', '/api/v1/workflow/?bizType=host')).body.page.total).toBe(0);
    expect((await api()('GET', '/api/v1/workflow/?pageSize=0')).body.code).toBe(10001);
  });

  it('shows a failed historical workflow with the failing step message', async () => {
    const failed = (await all()).find((w) => w.status === 'Error')!;
    const res = await api()('GET', `/api/v1/workflow/${failed.id}`);
    expect(shapeDifferences(res.body, DETAIL_SHAPE)).toEqual([]);
    const errored = res.body.data.nodes.find((n: any) => n.status === 'Error');
    expect(errored.result).toMatch(/failed/);
  });

  it('stops a running workflow, which then reads Canceled and frees the cluster', async () => {
    const id = await idleClusterId(api());
    const { workFlowId } = (await api()('POST', `/api/v1/clusters/${id}/stop`)).body.data;
    tiem.sim.advance(30_000);
    const stop = await api()('POST', '/api/v1/workflow/stop', { workFlowId });
    expect(stop.body).toEqual({ code: 0, data: {}, message: 'OK' });
    const wf = (await api()('GET', `/api/v1/workflow/${workFlowId}`)).body.data;
    expect(wf.info.status).toBe('Canceled');
    expect(wf.nodes.at(-1)).toMatchObject({ name: 'clusterStop', status: 'Canceled' });
    tiem.sim.advance(3_600_000);
    expect((await api()('GET', `/api/v1/workflow/${workFlowId}`)).body.data.info.status).toBe('Canceled');
    const info = (await api()('GET', `/api/v1/clusters/${id}`)).body.data.info;
    expect(info.maintainStatus).toBe('');
    const again = await api()('POST', '/api/v1/workflow/stop', { workFlowId });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 40106, message: expect.stringContaining('Canceled') });
  });

  it('answers unknown workflows and a missing workFlowId in the TiEM envelope', async () => {
    const detail = await api()('GET', '/api/v1/workflow/doesNotExist');
    expect(detail.status).toBe(404);
    expect(detail.body).toEqual({ code: 9996, data: null, message: 'flow not found: doesNotExist' });
    expect((await api()('POST', '/api/v1/workflow/stop', { workFlowId: 'nope' })).status).toBe(404);
    const missing = await api()('POST', '/api/v1/workflow/stop', {});
    expect(missing.body).toEqual({ code: 10001, data: null, message: 'parameter is invalid: workFlowId is required' });
  });
});
