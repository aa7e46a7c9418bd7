import { type ExecutionResult, getVariableValues, type GraphQLSchema, type OperationDefinitionNode, valueFromASTUntyped } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { perOperation } from './per-operation.js';

type Run = (root: unknown, context: unknown, variables: Record<string, unknown> | null | undefined) => Promise<ExecutionResult> | ExecutionResult;

/** What a document compiles to, per operation name; null where graphql-jit declined it. */
type Compiled = { operation: OperationDefinitionNode; run: Run; defaults: readonly (readonly [string, unknown])[] } | null;

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
    if (!isCompiledQuery(result)) return null;
    const defaults = (operation.variableDefinitions ?? []).flatMap((d) =>
      d.defaultValue ? [[d.variable.name.value, valueFromASTUntyped(d.defaultValue)] as const] : [],
    );
    return { operation, run: result.query as Run, defaults };
  });

  return {
    onExecute({ args, setExecuteFn }) {
      const entry = compiled(args.document, args.operationName);
      if (!entry) return;
      const definitions = entry.operation.variableDefinitions ?? [];
      setExecuteFn((execution) => {
        let variables = execution.variableValues as Record<string, unknown> | undefined;
        if (definitions.length) {
          const checked = getVariableValues(execution.schema, definitions, variables ?? {}, { maxErrors: 50 });
          if (checked.errors) return { errors: checked.errors };
          variables = withDefaults(variables, entry.defaults);
        }
        return entry.run(execution.rootValue, execution.contextValue, variables);
      });
    },
  };
}

/**
 * The request's variables with each default the document gives filled in where the
 * variable was left out, as the client would have written it (enum values by name):
 * graphql-jit refuses a non-null variable left out even where it has a default.
 * graphql-js's coerced values cannot be handed on instead: graphql-jit coerces again,
 * and an enum's coerced value is not its name.
 */
function withDefaults(variables: Record<string, unknown> | undefined, defaults: readonly (readonly [string, unknown])[]): Record<string, unknown> | undefined {
  if (defaults.length === 0 || defaults.every(([name]) => variables !== undefined && name in variables)) return variables;
  const filled = { ...variables };
  for (const [name, value] of defaults) if (!(name in filled)) filled[name] = value;
  return filled;
}
