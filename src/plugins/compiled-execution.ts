import { type DocumentNode, type ExecutionResult, getOperationAST, getVariableValues, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

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
export function useCompiledExecution(): Plugin {
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled>>();

  const compile = (schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Compiled => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let entry = byName.get(key);
    if (entry === undefined) {
      const operation = getOperationAST(document, operationName);
      const result = operation && operation.operation !== 'subscription' ? compileQuery(schema, document, operationName) : undefined;
      entry = operation && result && isCompiledQuery(result) ? { operation, run: result.query as Run } : null;
      byName.set(key, entry);
    }
    return entry;
  };

  return {
    onExecute({ args, setExecuteFn }) {
      const entry = compile(args.schema, args.document, args.operationName ?? undefined);
      if (!entry) return;
      setExecuteFn((execution) => {
        const variables = execution.variableValues as Record<string, unknown> | undefined;
        const checked = getVariableValues(execution.schema, entry.operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 50 });
        if (checked.errors) return { errors: checked.errors };
        return entry.run(execution.rootValue, execution.contextValue, variables);
      });
    },
  };
}
