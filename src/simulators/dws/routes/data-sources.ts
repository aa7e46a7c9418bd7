import type { Route } from '../../kit/definition.js';
import { bodyObject, json, type SimRequest } from '../../kit/http.js';
import { DwsRequestError, invalid, missing, notFound } from '../errors.js';
import { type DwsCluster, isHealthy } from '../model.js';
import { isoLocal } from '../../kit/time.js';
import { optionalBoolean, optionalString, requireObject, requireString } from '../validate.js';
import { type DwsContext, param, route } from './shared.js';

/**
 * External data sources (5.6): OBS through an agency, or an MRS cluster. Creating,
 * editing and deleting one are cluster tasks (CONFIGURING_EXT_DATASOURCE,
 * DELETING_EXT_DATASOURCE). `configure_status` is "300" once configured, as in the
 * example; the simulator shows "100" while configuring and "400" after a failure.
 */
interface DataSource {
  id: string;
  name: string;
  type: 'OBS' | 'MRS';
  connectInfo: string;
  userName: string;
  version: string;
  configureStatus: '100' | '300' | '400';
  mrsId: string;
  description: string;
  failReason: string;
  createdAt: number;
  updatedAt: number;
}

const TYPES = ['OBS', 'MRS'] as const;
const NAME = /^[A-Za-z0-9_]{1,64}$/;
const USER = /^[A-Za-z0-9_]{3,20}$/;
const CONFIGURE = { name: 'CONFIGURING_EXT_DATASOURCE', progressKey: 'CONFIGURING_EXT_DATASOURCE', minutes: [2, 4] } as const;
const DAY = 24 * 60 * 60 * 1000;
const FAILED = 'Failed to configure the data source. Contact the customer service or try again later.';

/** "Characters excluding <>'=&", at most 256. */
function readDescription(body: Record<string, unknown>): string {
  const d = optionalString(body, 'description', 'description') ?? '';
  if (d.length > 256) throw invalid('DWS.5056', 'description', 'at most 256 characters');
  if (/[<>'=&]/.test(d)) throw invalid('DWS.5065', 'description', "the characters <>'=& are not allowed");
  return d;
}

export function dataSourceRoutes(ctx: DwsContext): Route[] {
  const { store, ops, env } = ctx;
  const byCluster = new Map<string, Map<string, DataSource>>();
  const sourcesOf = (c: DwsCluster) => {
    let sources = byCluster.get(c.id);
    if (!sources) byCluster.set(c.id, (sources = seeded(c)));
    return sources;
  };
  /**
   * About half the healthy clusters that are a month old read OBS through the default
   * agency, as the example's `tes54` does. Drawn from the cluster's own random stream on
   * first use, so a fleet of any size starts without them.
   */
  const seeded = (c: DwsCluster) => {
    const sources = new Map<string, DataSource>();
    const rng = env.rng.fork(`data-sources-${c.id}`);
    if (!isHealthy(c) || env.clock.startedAt - c.createdAt < 30 * DAY || !rng.chance(0.5)) return sources;
    const at = c.createdAt + rng.int(1, 20) * DAY;
    const ds: DataSource = {
      id: rng.uuid(),
      name: `obs_${c.name.replace(/-/g, '_')}`.slice(0, 64),
      type: 'OBS',
      connectInfo: 'gaussdb',
      userName: 'DWSAccessOBS',
      version: '',
      configureStatus: '300',
      mrsId: '',
      description: 'OBS foreign tables',
      failReason: '',
      createdAt: at,
      updatedAt: at,
    };
    return sources.set(ds.id, ds);
  };
  const target = (req: SimRequest) => {
    const c = store.cluster(param(req, 'cluster_id'));
    const id = param(req, 'ext_data_source_id');
    const ds = sourcesOf(c).get(id);
    if (!ds) throw notFound('data source', id);
    return { c, ds };
  };
  const jobId = () => env.rng.hex(32);
  /** Configuration runs as a cluster task, then restarts the cluster when asked to. */
  const configure = (c: DwsCluster, ds: DataSource, reboot: boolean) => {
    ops.task(
      c,
      { ...CONFIGURE, events: ['configureDataSourceStart', 'configureDataSourceSuccess', 'configureDataSourceFailure'] },
      (at) => {
        ds.configureStatus = '300';
        ds.updatedAt = at;
        if (reboot) ops.restart(c);
      },
      (at) => {
        ds.configureStatus = '400';
        ds.failReason = FAILED;
        ds.updatedAt = at;
      },
    );
    ds.configureStatus = '100';
    ds.failReason = '';
  };

  return [
    route('GET', '/v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources', (req) => {
      const c = store.cluster(param(req, 'cluster_id'));
      const list = [...sourcesOf(c).values()];
      const types = [...new Set(list.map((d) => d.type))];
      return json(200, {
        data_sources: list.map((d) => ({
          id: d.id,
          name: d.name,
          type: d.type,
          connect_info: d.connectInfo,
          user_name: d.userName,
          version: d.version,
          configure_status: d.configureStatus,
          status: d.configureStatus === '300' ? 'ACTIVE' : d.configureStatus === '400' ? 'FAILED' : 'CONFIGURING',
          data_source_id: d.mrsId,
          created: isoLocal(d.createdAt),
          updated: isoLocal(d.updatedAt),
          data_source_updated: isoLocal(d.updatedAt),
          extend_properties: {},
          description: d.description,
          fail_reason: d.failReason,
        })),
        project_id: store.project.id,
        cluster_id: c.id,
        // The list's own `type`: the type its sources share, OBS when it has none.
        type: types.length === 1 ? types[0] : types.length ? types.join(',') : 'OBS',
        count: list.length,
      });
    }),
    route('POST', '/v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources', (req) => {
      const c = store.cluster(param(req, 'cluster_id'));
      const body = bodyObject(req);
      const type = requireString(body, 'type', 'type');
      if (!(TYPES as readonly string[]).includes(type)) throw invalid('DWS.5089', 'type', `it must be one of ${TYPES.join(', ')}`);
      const name = requireString(body, 'data_source_name', 'data_source_name');
      if (!NAME.test(name)) throw invalid('DWS.5065', 'data_source_name', '1 to 64 letters, digits and underscores');
      const userName = requireString(body, 'user_name', 'user_name');
      // For OBS the user name is the agency's name.
      if (!USER.test(userName)) throw invalid(type === 'OBS' ? 'DWS.5130' : 'DWS.5198', 'user_name', '3 to 20 letters, digits and underscores');
      const description = readDescription(body);
      const reboot = optionalBoolean(body, 'reboot', 'reboot') ?? false;
      const connectInfo = optionalString(body, 'connect_info', 'connect_info');
      const mrsId = optionalString(body, 'data_source_id', 'data_source_id');
      if (type === 'OBS' && connectInfo === undefined) throw missing('connect_info');
      if (type === 'MRS' && mrsId === undefined) throw missing('data_source_id');
      if (type === 'MRS' && optionalString(body, 'user_pwd', 'user_pwd') === undefined) throw missing('user_pwd', 'DWS.5199');
      const sources = sourcesOf(c);
      if ([...sources.values()].some((d) => d.name === name))
        throw new DwsRequestError('DWS.5065', `Parameter data_source_name: the cluster already has a data source named ${name}.`);
      const now = env.clock.now();
      const ds: DataSource = {
        id: env.rng.uuid(),
        name,
        type: type as DataSource['type'],
        connectInfo: connectInfo ?? '',
        userName,
        version: type === 'MRS' ? '3.1.0' : '',
        configureStatus: '100',
        mrsId: mrsId ?? '',
        description,
        failReason: '',
        createdAt: now,
        updatedAt: now,
      };
      configure(c, ds, reboot);
      sources.set(ds.id, ds);
      return json(200, { id: ds.id, job_id: jobId() });
    }),
    route('PUT', '/v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources/{ext_data_source_id}', (req) => {
      const { c, ds } = target(req);
      const r = requireObject(bodyObject(req), 'reconfigure');
      const reboot = optionalBoolean(r, 'reboot', 'reconfigure.reboot') ?? false;
      const agency = optionalString(r, 'agency', 'reconfigure.agency');
      if (agency !== undefined && !USER.test(agency)) throw invalid('DWS.5130', 'reconfigure.agency', '3 to 20 letters, digits and underscores');
      configure(c, ds, reboot);
      if (agency !== undefined) ds.userName = agency;
      return json(200, { data_source_id: ds.id, job_id: jobId() });
    }),
    route('DELETE', '/v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources/{ext_data_source_id}', (req) => {
      const { c, ds } = target(req);
      ops.task(
        c,
        {
          name: 'DELETING_EXT_DATASOURCE',
          progressKey: null,
          minutes: [1, 3],
          events: ['deleteDataSourceStart', 'deleteDataSourceSuccess', 'deleteDataSourceFailure'],
        },
        () => sourcesOf(c).delete(ds.id),
      );
      return json(200, { job_id: jobId() });
    }),
  ];
}
