import type { HttpMethod, Route, SimEnv } from '../../kit/definition.js';
import type { SimRequest, SimResponse } from '../../kit/http.js';
import { DwsRequestError } from '../errors.js';
import type { EventLog } from '../events.js';
import type { DwsStore } from '../model.js';
import type { Operations } from '../operations.js';

/** What every DWS route handler works with. */
export interface DwsContext {
  env: SimEnv;
  store: DwsStore;
  ops: Operations;
  events: EventLog;
}

/** A route whose handler may throw a DwsRequestError deep in validation or lookup. */
export function route(method: HttpMethod, path: string, handle: (req: SimRequest) => SimResponse): Route {
  return {
    method,
    path,
    handle: (req) => {
      try {
        return handle(req);
      } catch (err) {
        if (err instanceof DwsRequestError) return err.toResponse();
        throw err;
      }
    },
  };
}

export const param = (req: SimRequest, name: string) => req.params[name] ?? '';
