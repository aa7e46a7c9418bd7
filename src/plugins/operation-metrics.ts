import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Metrics } from '../metrics.js';
import type { OperationLabels } from './operation-label.js';

/** ok, partial (data with errors, e.g. a source missing) or error (no data). */
function outcomeOf(result: ExecutionResult): 'ok' | 'partial' | 'error' {
  if (!result.errors?.length) return 'ok';
  return result.data ? 'partial' : 'error';
}

/**
 * Per-operation Prometheus series: how many ran, how they ended and how long they took,
 * by operation name and type. Subscriptions are counted when they start (their duration
 * is the viewer's, not the gateway's).
 */
export function useOperationMetrics(metrics: Metrics, labels: OperationLabels): Plugin {
  return {
    onExecute({ args }) {
      const { name, type } = labels.of(args.document, args.operationName);
      const startedAt = performance.now();
      return {
        onExecuteDone({ result }) {
          // An incremental (@defer/@stream) result is a stream: counted as started, like a subscription.
          const outcome = Symbol.asyncIterator in result ? 'ok' : outcomeOf(result as ExecutionResult);
          metrics.operations.inc({ operation: name, type, outcome });
          metrics.operationDuration.observe({ operation: name, type }, (performance.now() - startedAt) / 1000);
        },
      };
    },
    onSubscribe({ args }) {
      const { name, type } = labels.of(args.document, args.operationName);
      metrics.operations.inc({ operation: name, type, outcome: 'ok' });
    },
  };
}
