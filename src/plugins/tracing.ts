import { context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { DocumentNode, ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { tracer } from '../tracing.js';
import type { OperationLabels } from './operation-label.js';

/**
 * A span per GraphQL operation, active while it runs so every vendor call it makes is
 * its child (see vendorSpan in tracing.ts). The operation's name and type are set once
 * execution knows them; a result with errors marks the span as failed.
 */
export function useTracing(labels: OperationLabels): Plugin {
  const spans = new WeakMap<object, Span>();
  const started = (contextValue: object) => {
    const span = tracer.startSpan('graphql.operation', { kind: SpanKind.SERVER });
    spans.set(contextValue, span);
    return span;
  };
  /** The operation's span, named once execution knows the operation. */
  const named = (args: { contextValue: unknown; document: DocumentNode; operationName?: string | null }) => {
    const span = spans.get(args.contextValue as object);
    if (!span) return undefined;
    const { name, type } = labels.of(args.document, args.operationName);
    span.updateName(`${type} ${name}`);
    span.setAttributes({ 'graphql.operation.name': name, 'graphql.operation.type': type });
    return span;
  };
  return {
    instrumentation: {
      execute: ({ context: ctx }, wrapped) => context.with(trace.setSpan(context.active(), started(ctx)), wrapped),
      subscribe: ({ context: ctx }, wrapped) => context.with(trace.setSpan(context.active(), started(ctx)), wrapped),
    },
    onExecute({ args }) {
      const span = named(args);
      if (!span) return;
      return {
        onExecuteDone({ result }) {
          const errors = Symbol.asyncIterator in result ? undefined : (result as ExecutionResult).errors;
          if (errors?.length) span.setStatus({ code: SpanStatusCode.ERROR, message: errors[0]?.message ?? '' });
          span.end();
        },
      };
    },
    onSubscribe({ args }) {
      // A subscription's span covers its setup; its updates are traced as their own polls.
      named(args)?.end();
    },
  };
}
