import { DEFAULT_LIMITS, type Limits, type Role, type SourceConfig } from './config.js';
import type { SourceProblem } from './lists/merge.js';
import type { AuditRecord } from './schema/audit.js';
import type { SourceSession } from './sources/adapter.js';
import { RequestScope } from './sources/scope.js';
import { openCallLog, type VendorCall } from './sources/call-log.js';
import type { SourceRegistry } from './sources/registry.js';
import type { LiveFeeds } from './workflows/live.js';

export interface Viewer {
  name: string;
  role: Role;
}

/**
 * Everything one GraphQL request carries: who asks, the sources, and per-request state
 * (each source's session with its DataLoaders, the GET memo, the problems met so far).
 */
export interface GatewayContext {
  viewer: Viewer;
  registry: SourceRegistry;
  live: LiveFeeds;
  /** The running configuration, for admins' `settings` query. */
  settings: GatewaySettings;
  scope: RequestScope;
  session(sourceId: string): SourceSession;
  /** Sources that failed during this request; reported as errors next to the data. */
  problems: SourceProblem[];
  /** The vendor calls this request has made so far (see call-log.ts); empty over graphql-ws. */
  vendorCalls: readonly VendorCall[];
  /** Records a mutation attempt and its outcome (the audit log). */
  audit(record: AuditRecord): void;
}

export interface GatewaySettings {
  limits: Limits;
  sources: readonly SourceConfig[];
}

export interface ContextDeps {
  registry: SourceRegistry;
  live: LiveFeeds;
  settings?: GatewaySettings;
  /** false: no batching, no GET dedupe (the benchmark's baseline); see RequestScope. */
  batching?: boolean;
  /** Where mutation attempts are recorded; default nowhere (unit tests). */
  audit?: (record: AuditRecord) => void;
}

const unaudited = () => undefined;

export function createContext(deps: ContextDeps, viewer: Viewer, signal?: AbortSignal): GatewayContext {
  const { registry } = deps;
  const scope = new RequestScope(signal, deps.batching !== false);
  const sessions = new Map<string, SourceSession>();
  return {
    viewer,
    registry,
    live: deps.live,
    settings: deps.settings ?? { limits: DEFAULT_LIMITS, sources: [] },
    scope,
    problems: [],
    vendorCalls: signal ? openCallLog(signal) : [],
    audit: deps.audit ?? unaudited,
    session(sourceId) {
      let session = sessions.get(sourceId);
      if (!session) {
        session = registry.get(sourceId).session(scope);
        sessions.set(sourceId, session);
      }
      return session;
    },
  };
}
