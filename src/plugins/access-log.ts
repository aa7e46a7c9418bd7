import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import type { Logger } from '../log.js';
import type { OperationLabels, OperationName } from './operation-label.js';

/** What one HTTP request to /graphql gathered by the time it is answered. */
interface Seen {
  startedAt: number;
  operation?: OperationName;
  context?: GatewayContext;
}

/** An operation's args as yoga's execute and subscribe hooks give them. */
interface OperationArgs {
  document: Parameters<OperationLabels['of']>[0];
  operationName?: string | null;
  contextValue: unknown;
}

/**
 * One log line per request to /graphql, written when it is answered: method, status,
 * duration, operation, who asked, how many vendor calls it made. A request refused before it ran (401, a malformed
 * body, a limit) has a line too, without the operation. Over SSE the line is written
 * when the stream opens; graphql-ws operations, which are not HTTP requests, get a line
 * each when they start.
 */
export function useAccessLog(gatewayLogger: Logger, labels: OperationLabels): Plugin {
  // The access line's fields are the fixed ones below, none a credential: it skips the
  // logger's redaction, whose wildcard paths walked and copied every line, once a request.
  const logger = gatewayLogger.child({}, { redact: { paths: [] } });
  const seen = new WeakMap<Request, Seen>();
  const note = (args: OperationArgs) => {
    const context = args.contextValue as GatewayContext & { request?: Request };
    const operation = labels.of(args.document, args.operationName);
    const record = context.request && seen.get(context.request);
    if (record) Object.assign(record, { operation, context });
    else logger.info({ access: { transport: 'ws', operation: operation.name, type: operation.type, viewer: context.viewer?.name } }, 'operation');
  };
  return {
    onRequest({ request }) {
      seen.set(request, { startedAt: performance.now() });
    },
    onExecute({ args }) {
      note(args);
    },
    onSubscribe({ args }) {
      note(args);
    },
    onResponse({ request, response }) {
      const record = seen.get(request);
      if (!record) return;
      const access = {
        method: request.method,
        status: response.status,
        durationMs: Math.round((performance.now() - record.startedAt) * 10) / 10,
        ...(record.operation ? { operation: record.operation.name, type: record.operation.type } : {}),
        ...(record.context ? { viewer: record.context.viewer.name, vendorCalls: record.context.vendorCalls.length } : {}),
      };
      logger.info({ access }, 'request');
    },
  };
}
