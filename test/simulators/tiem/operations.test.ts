import { beforeEach, describe, expect, it } from 'vitest';
import { FLOWS } from '../../../src/simulators/tiem/flows.js';
import { flowDurationMs, QUEUE_DELAY_MS } from '../../../src/simulators/tiem/workflows.js';
import { call } from '../../helpers/sim-client.js';
import { client, createBody, idleClusterId, login, useTiem } from './support.js';

describe('tiem long-running operations', () => {
  const tiem = useTiem();
  let token = '';
  const api = () => client(tiem.sim, () => token);
  beforeEach(async () => {
    tiem.sim.reset();
    token = await login(tiem.sim);
  });

  const failEverything = () => call(tiem.sim, 'POST', '/__sim/faults', { body: { operationFailureRate: 1 } });
  const workflow = async (id: string) => (await api()('GET', `/api/v1/workflow/${id}`)).body.data;
  const cluster = async (id: string) => (await api()('GET', `/api/v1/clusters/${id}`)).body;
  const finish = (key: keyof typeof FLOWS) => tiem.sim.advance(flowDurationMs(FLOWS[key]));

  /** The workflow ended in Error: one node failed with TiEM's message, then the rollback "end" node ran. */
  const expectFailed = (wf: any) => {
    expect(wf.info.status).toBe('Error');
    const failed = wf.nodes.filter((n: any) => n.status === 'Error');
    expect(failed).toHaveLength(1);
    expect(failed[0].result.length).toBeGreaterThan(20);
    expect(wf.nodes.at(-1)).toMatchObject({ name: 'end', status: 'Finished' });
  };

  describe('create', () => {
    it('runs step by step with visible progress and leaves the cluster Running', async () => {
      const res = await api()('POST', '/api/v1/clusters/', createBody('tidb-new-01'));
      const { clusterId, workFlowId } = res.body.data;
      let wf = await workflow(workFlowId);
      expect(wf.info).toMatchObject({ status: 'Initializing', name: 'CreateCluster', bizId: clusterId, bizType: 'cluster' });
      expect(wf.nodes).toEqual([]);
      expect(wf.nodeNames.slice(0, 3)).toEqual(['prepareResource', 'buildConfig', 'deployCluster']);
      expect(wf.nodeNames.at(-1)).toBe('end');

      // Half way through deployCluster (300 s after 20 s + 8 s of earlier steps).
      tiem.sim.advance(QUEUE_DELAY_MS + 28_000 + 150_000);
      wf = await workflow(workFlowId);
      expect(wf.info.status).toBe('Processing');
      expect(wf.nodes.map((n: any) => n.name)).toEqual(['prepareResource', 'buildConfig', 'deployCluster']);
      expect(wf.nodes.slice(0, 2).every((n: any) => n.status === 'Finished')).toBe(true);
      expect(wf.nodes[2]).toMatchObject({ status: 'Processing', result: 'processing: 50%', endTime: '0001-01-01T00:00:00Z' });
      expect((await cluster(clusterId)).data.info).toMatchObject({ status: 'Initializing', maintainStatus: 'Creating' });

      finish('CreateCluster');
      wf = await workflow(workFlowId);
      expect(wf.info.status).toBe('Finished');
      expect(wf.nodes.map((n: any) => n.name)).toEqual(wf.nodeNames);
      expect(wf.nodes.every((n: any) => n.status === 'Finished')).toBe(true);
      const info = (await cluster(clusterId)).data.info;
      expect(info).toMatchObject({ status: 'Running', maintainStatus: '' });
      expect(info.intranetConnectAddresses).toHaveLength(2);
    });

    it('fails at a working step with its message and leaves the cluster in Failure', async () => {
      await failEverything();
      const { clusterId, workFlowId } = (await api()('POST', '/api/v1/clusters/', createBody('tidb-doomed-01'))).body.data;
      finish('CreateCluster');
      expectFailed(await workflow(workFlowId));
      expect((await cluster(clusterId)).data.info).toMatchObject({ status: 'Failure', maintainStatus: '' });
      const listed = await api()('GET', `/api/v1/clusters/?clusterId=${clusterId}`);
      expect(listed.body.data.clusters[0].status).toBe('Failure');
    });
  });

  describe('stop and restart', () => {
    it('stops a running cluster, then starts it again with the RestartCluster flow', async () => {
      const id = await idleClusterId(api());
      const stop = (await api()('POST', `/api/v1/clusters/${id}/stop`)).body.data;
      expect((await cluster(id)).data.info.maintainStatus).toBe('Stopping');
      finish('StopCluster');
      expect((await workflow(stop.workFlowId)).info.status).toBe('Finished');
      const stopped = (await cluster(id)).data;
      expect(stopped.info).toMatchObject({ status: 'Stopped', maintainStatus: '' });
      expect(stopped.info.cpuUsage.used).toBe(0);
      expect(stopped.topology.every((i: any) => i.status === 'Stopped')).toBe(true);
      expect((await api()('POST', `/api/v1/clusters/${id}/stop`)).status).toBe(409);

      const start = (await api()('POST', `/api/v1/clusters/${id}/restart`)).body.data;
      const wf = await workflow(start.workFlowId);
      expect(wf.info.name).toBe('RestartCluster');
      expect(wf.nodeNames[0]).toBe('startCluster');
      finish('StartCluster');
      expect((await cluster(id)).data.info).toMatchObject({ status: 'Running', maintainStatus: '' });
    });

    it('a failed stop or restart leaves the cluster in Failure', async () => {
      await failEverything();
      const id = await idleClusterId(api());
      const stop = (await api()('POST', `/api/v1/clusters/${id}/stop`)).body.data;
      finish('StopCluster');
      expectFailed(await workflow(stop.workFlowId));
      expect((await cluster(id)).data.info.status).toBe('Failure');
      const restart = (await api()('POST', `/api/v1/clusters/${id}/restart`)).body.data;
      finish('RestartCluster');
      expectFailed(await workflow(restart.workFlowId));
      expect((await cluster(id)).data.info).toMatchObject({ status: 'Failure', maintainStatus: '' });
      const detail = (await cluster(id)).data;
      expect(detail.topology.some((i: any) => i.status === 'Failure')).toBe(true);
    });

    it('restart recovers a cluster in Failure', async () => {
      const id = await idleClusterId(api(), 'Failure');
      const { workFlowId } = (await api()('POST', `/api/v1/clusters/${id}/restart`)).body.data;
      expect((await workflow(workFlowId)).nodeNames[0]).toBe('restartCluster');
      finish('RestartCluster');
      expect((await cluster(id)).data.info.status).toBe('Running');
    });
  });

  describe('delete', () => {
    it('backs up first when asked, removes the cluster and keeps its backups when asked', async () => {
      const id = await idleClusterId(api());
      const before = (await api()('GET', `/api/v1/backups/?clusterId=${id}&pageSize=100`)).body.page.total;
      const res = await api()('DELETE', `/api/v1/clusters/${id}`, { autoBackup: true, keepHistoryBackupRecords: true });
      expect((await cluster(id)).data.info.maintainStatus).toBe('Deleting');
      tiem.sim.advance(30 * 60_000);
      expect((await workflow(res.body.data.workFlowId)).info.status).toBe('Finished');
      expect(await cluster(id)).toMatchObject({ code: 10003, data: null });
      expect((await api()('GET', `/api/v1/clusters/?clusterId=${id}`)).body.page.total).toBe(0);
      const backups = await api()('GET', `/api/v1/backups/?clusterId=${id}&pageSize=100`);
      expect(backups.body.page.total).toBe(before + 1);
    });

    it('drops the backup history unless told to keep it', async () => {
      const id = await idleClusterId(api());
      await api()('DELETE', `/api/v1/clusters/${id}`, {});
      finish('DeleteCluster');
      expect((await api()('GET', `/api/v1/backups/?clusterId=${id}`)).body.page.total).toBe(0);
    });

    it('a failed delete leaves the cluster in Failure', async () => {
      await failEverything();
      const id = await idleClusterId(api());
      const { workFlowId } = (await api()('DELETE', `/api/v1/clusters/${id}`)).body.data;
      finish('DeleteCluster');
      expectFailed(await workflow(workFlowId));
      expect((await cluster(id)).data.info.status).toBe('Failure');
    });
  });

  describe('takeover', () => {
    const body = {
      TiUPIp: '172.16.4.147',
      TiUPPath: '.tiup/',
      TiUPPort: 22,
      TiUPUserName: 'tidb',
      TiUPUserPassword: 'pw',
      clusterName: 'tidb-legacy-01',
      dbPassword: 'pw',
    };

    it('adopts a running cluster', async () => {
      const { clusterId, workFlowId } = (await api()('POST', '/api/v1/clusters/takeover', body)).body.data;
      expect((await cluster(clusterId)).data.info).toMatchObject({ status: 'Running', maintainStatus: 'Takeover' });
      finish('TakeoverCluster');
      expect((await workflow(workFlowId)).info.status).toBe('Finished');
      expect((await cluster(clusterId)).data.info).toMatchObject({ status: 'Running', maintainStatus: '' });
    });

    it('forgets the cluster again when the takeover fails', async () => {
      await failEverything();
      const { clusterId, workFlowId } = (await api()('POST', '/api/v1/clusters/takeover', body)).body.data;
      finish('TakeoverCluster');
      expectFailed(await workflow(workFlowId));
      expect((await cluster(clusterId)).code).toBe(10003);
    });
  });

  describe('backup and restore', () => {
    it('backs up a running cluster and restores the backup into a new cluster that passes through Recovering', async () => {
      const id = await idleClusterId(api());
      const { backupId, workFlowId } = (await api()('POST', '/api/v1/backups/', { clusterId: id })).body.data;
      expect((await cluster(id)).data.info.maintainStatus).toBe('BackUp');
      tiem.sim.advance(QUEUE_DELAY_MS + 60_000);
      const running = (await api()('GET', `/api/v1/backups/?backupId=${backupId}`)).body.data.backupRecords[0];
      expect(running).toMatchObject({ status: 'Processing', backupMode: 'manual', backupType: 'full' });
      finish('BackupCluster');
      expect((await workflow(workFlowId)).info.status).toBe('Finished');
      const done = (await api()('GET', `/api/v1/backups/?backupId=${backupId}`)).body.data.backupRecords[0];
      expect(done.status).toBe('Finished');
      expect(done.size).toBeGreaterThan(0);
      expect((await cluster(id)).data.info.maintainStatus).toBe('');

      const restore = await api()('POST', '/api/v1/clusters/restore', createBody('tidb-restored-01', { backupId }));
      expect(restore.body.code).toBe(0);
      const { clusterID, workFlowId: restoreFlow } = restore.body.data;
      const steps = FLOWS.RestoreNewCluster.steps;
      const untilRestore = steps
        .slice(
          0,
          steps.findIndex((s) => s.name === 'waitInitDatabaseData'),
        )
        .reduce((t, s) => t + s.seconds * 1000, QUEUE_DELAY_MS);
      tiem.sim.advance(untilRestore + 1000);
      expect((await cluster(clusterID)).data.info.status).toBe('Recovering');
      expect((await workflow(restoreFlow)).info.name).toBe('RestoreNewCluster');
      finish('RestoreNewCluster');
      expect((await cluster(clusterID)).data.info).toMatchObject({ status: 'Running', maintainStatus: '' });
    });

    it('a failed backup marks the record Failed and leaves the cluster Running', async () => {
      await failEverything();
      const id = await idleClusterId(api());
      const { backupId, workFlowId } = (await api()('POST', '/api/v1/backups/', { clusterId: id, backupType: 'incr' })).body.data;
      finish('BackupCluster');
      expectFailed(await workflow(workFlowId));
      expect((await api()('GET', `/api/v1/backups/?backupId=${backupId}`)).body.data.backupRecords[0]).toMatchObject({ status: 'Failed', backupType: 'incr' });
      expect((await cluster(id)).data.info).toMatchObject({ status: 'Running', maintainStatus: '' });
    });

    it('a failed restore leaves the new cluster in Failure', async () => {
      const backups = (await api()('GET', '/api/v1/backups/?pageSize=1000')).body.data.backupRecords;
      const backupId = backups.find((b: any) => b.status === 'Finished').id;
      await failEverything();
      const { clusterID, workFlowId } = (await api()('POST', '/api/v1/clusters/restore', createBody('tidb-restored-02', { backupId }))).body.data;
      finish('RestoreNewCluster');
      expectFailed(await workflow(workFlowId));
      expect((await cluster(clusterID)).data.info.status).toBe('Failure');
    });
  });
});
