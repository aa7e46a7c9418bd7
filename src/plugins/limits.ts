import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { DEFAULT_PAGE_SIZE } from '../lists/merge.js';

export interface FanoutLimits {
  /** Largest `first`/`last` anywhere in a query. */
  maxPageSize: number;
  /** Largest estimated number of vendor fetches a query may cause. */
  maxFanout: number;
}

/**
 * Refuses, before any vendor call is made, a query that would fan out too far: a list
 * of 500 clusters each asking for 500 hosts each asking for their events is a quarter
 * million lookups. The estimate multiplies page sizes down the tree: every list below a
 * list runs once per item above it.
 */
export function useFanoutLimit(limits: FanoutLimits): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const def of (args.document as DocumentNode).definitions) {
        if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
      }
      const operation = (args.document as DocumentNode).definitions.find(
        (d) => d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
      );
      if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return;
      const problem = { message: '' };
      const cost = fanout(operation.selectionSet, 1, fragments, variables, limits, problem, new Set(), true);
      if (problem.message || cost > limits.maxFanout) {
        const message = problem.message || `this query could cause about ${cost} vendor fetches; the limit is ${limits.maxFanout} — ask for smaller pages or fewer nested lists`;
        setResultAndStopExecution({ errors: [createGraphQLError(message, { extensions: { code: problem.message ? 'BAD_USER_INPUT' : 'QUERY_TOO_COSTLY', cost } })] });
      }
    },
  };
}

const CONNECTION_FIELDS = new Set(['edges', 'pageInfo', 'totalCount', 'missingSources']);

function argumentValue(value: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!value) return undefined;
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.LIST) return value.values;
  return undefined;
}

function fanout(
  selections: SelectionSetNode,
  multiplier: number,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  limits: FanoutLimits,
  problem: { message: string },
  visiting: Set<string>,
  root = false,
): number {
  let cost = 0;
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || visiting.has(fragment.name.value)) continue;
      visiting.add(fragment.name.value);
      cost += fanout(fragment.selectionSet, multiplier, fragments, variables, limits, problem, visiting, root);
      visiting.delete(fragment.name.value);
      continue;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      cost += fanout(selection.selectionSet, multiplier, fragments, variables, limits, problem, visiting, root);
      continue;
    }
    cost += fieldCost(selection, multiplier, fragments, variables, limits, problem, visiting, root);
  }
  return cost;
}

function fieldCost(
  field: FieldNode,
  multiplier: number,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  limits: FanoutLimits,
  problem: { message: string },
  visiting: Set<string>,
  root: boolean,
): number {
  const args = new Map((field.arguments ?? []).map((a) => [a.name.value, argumentValue(a.value, variables)]));
  let size: number | undefined;
  for (const name of ['first', 'last']) {
    const n = args.get(name);
    if (typeof n === 'number') {
      if (n > limits.maxPageSize) problem.message ||= `${field.name.value}(${name}: ${n}): pages hold at most ${limits.maxPageSize} items`;
      size = n;
    }
  }
  const ids = args.get('ids');
  // A connection is recognised by its shape: paging arguments or connection fields.
  const isList =
    ['first', 'last', 'after', 'before'].some((a) => args.has(a)) ||
    (field.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && CONNECTION_FIELDS.has(s.name.value)) ?? false);
  // A list field fetches once per parent item; its items multiply what is below them.
  // `node`/`nodes` cost a lookup per id, but only as root fields: an edge's `node` is free.
  const lookup = root && field.name.value === 'node';
  const own = isList || lookup ? multiplier : root && Array.isArray(ids) ? multiplier * ids.length : 0;
  const below = isList ? multiplier * (size ?? DEFAULT_PAGE_SIZE) : Array.isArray(ids) ? multiplier * ids.length : multiplier;
  return own + (field.selectionSet ? fanout(field.selectionSet, below, fragments, variables, limits, problem, visiting) : 0);
}
