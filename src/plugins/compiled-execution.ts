import { type ExecutionResult, getVariableValues, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { perOperation } from './per-operation.js';

type Run = (root: unknown, context: unknown, variables: Record<string, unknown> | null | undefined) => Promise<ExecutionResult> | ExecutionResult;

/** What a document compiles to, per operation name; null where graphql-jit declined it. */
type Compiled = { operation: OperationDefinitionNode; run: Run } | null;

/**
 * Queries and mutations run as code compiled once per document (graphql-jit), not by
 * walking the document for every request: on a page of a hundred clusters, graphql-js
 * execution was the largest part of the gateway's own CPU. Resolvers, auth, masking and
 * partial results are unchanged; only how the executor calls them is.
 *
 * Variables are still checked by graphql-js first, so a request with a wrong variable is
 * refused in graphql-js's words, which the error mask knows how to strip of the value
 * (it may be a secret): graphql-jit's own wording differs. Subscriptions stay with
 * graphql-js (they run once per subscriber, not per request), as does any document
 * graphql-jit cannot compile.
 */
export function useCompiledExecution(schema: GraphQLSchema): Plugin {
  const compiled = perOperation((operation, document): Compiled => {
    if (!operation || operation.operation === 'subscription') return null;
    const result = compileQuery(schema, document, operation.name?.value);
    return isCompiledQuery(result) ? { operation, run: result.query as Run } : null;
  });

  return {
    onExecute({ args, setExecuteFn }) {
      const entry = compiled(args.document, args.operationName);
      if (!entry) return;
      const definitions = entry.operation.variableDefinitions ?? [];
      setExecuteFn((execution) => {
        const variables = execution.variableValues as Record<string, unknown> | undefined;
        if (definitions.length) {
          const checked = getVariableValues(execution.schema, definitions, variables ?? {}, { maxErrors: 50 });
          if (checked.errors) return { errors: checked.errors };
        }
        return entry.run(execution.rootValue, execution.contextValue, variables);
      });
    },
  };
}
