import type { Role } from './config.js';
import type { SourceProblem } from './lists/merge.js';
import type { SourceSession } from './sources/adapter.js';
import { RequestScope } from './sources/http.js';
import type { SourceRegistry } from './sources/registry.js';

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
  scope: RequestScope;
  session(sourceId: string): SourceSession;
  /** Sources that failed during this request; reported as errors next to the data. */
  problems: SourceProblem[];
}

export function createContext(registry: SourceRegistry, viewer: Viewer, signal?: AbortSignal, dedupe = true): GatewayContext {
  const scope = new RequestScope(signal, dedupe);
  const sessions = new Map<string, SourceSession>();
  return {
    viewer,
    registry,
    scope,
    problems: [],
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
