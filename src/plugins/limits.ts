import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { DEFAULT_PAGE_SIZE } from '../lists/merge.js';

/** The request header that asks for the plan only: the estimate, nothing run. */
export const DRY_RUN_HEADER = 'x-fleetgate-dry-run';

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
/** Stops an operation whose estimate is over the limit, or that the estimate found wrong. A function of its own, not a closure made per request. */
function refuseOver({ cost, problem }: Estimate, limits: FanoutLimits, stop: (result: { errors: GraphQLError[] }) => void): void {
  if (!problem && cost <= limits.maxFanout) return;
  const message =
    problem || `this query could cause about ${cost} vendor fetches; the limit is ${limits.maxFanout} — ask for smaller pages or fewer nested lists`;
  stop({ errors: [createGraphQLError(message, { extensions: { code: problem ? 'BAD_USER_INPUT' : 'QUERY_TOO_COSTLY', cost } })] });
}

export function useFanoutLimit(limits: FanoutLimits): Plugin {
  const estimates = new WeakMap<OperationDefinitionNode, Estimate>();
  // Subscriptions too: each update of a subscription runs its whole selection again.
  const check: NonNullable<Plugin['onExecute']> & NonNullable<Plugin['onSubscribe']> = ({ args, setResultAndStopExecution }) => {
    const document = args.document as DocumentNode;
    const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName));
    if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return;
    const dryRun = (args.contextValue as { request?: Request }).request?.headers.get(DRY_RUN_HEADER) === '1';
    // An operation without variables costs the same every time it is sent: estimated once.
    const constant = !operation.variableDefinitions?.length && !dryRun;
    const known = constant ? estimates.get(operation) : undefined;
    if (known) return refuseOver(known, limits, setResultAndStopExecution);
    // The values the operation will run with: variables coerced, their defaults filled
    // in, so `query($n: Int = 500)` sent without `n` costs what `{"n": 500}` does.
    // Variables that do not coerce fail execution itself, with graphql's own error.
    const variables = getVariableValues(args.schema, operation.variableDefinitions ?? [], (args.variableValues ?? {}) as Record<string, unknown>);
    if (variables.errors) return;
    const root = args.schema.getRootType(operation.operation) ?? undefined;
    const walk = new FanoutWalk(args.schema, document, variables.coerced, limits);
    const estimate: Estimate = { cost: walk.selections(operation.selectionSet, root, 1, true), problem: walk.problem };
    if (constant) estimates.set(operation, estimate);
    if (!dryRun) return refuseOver(estimate, limits, setResultAndStopExecution);
    // What the query would cost, per root field, and whether it would be let through:
    // answered before anything runs, so no vendor is called and no mutation is made.
    const byField: Record<string, number> = {};
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const key = selection.alias?.value ?? selection.name.value;
      byField[key] = walk.selections({ kind: Kind.SELECTION_SET, selections: [selection] }, root, 1, true);
    }
    const { cost, problem } = estimate;
    const plan = {
      estimatedVendorFetches: cost,
      byField,
      limit: limits.maxFanout,
      allowed: !problem && cost <= limits.maxFanout,
      ...(problem ? { problem } : {}),
    };
    setResultAndStopExecution({ data: null, extensions: { dryRun: plan } });
  };
  return { onExecute: check, onSubscribe: check };
}

/** What an operation would cost, and what makes it unanswerable if anything does. */
interface Estimate {
  cost: number;
  problem: string | undefined;
}

const CONNECTION_FIELDS = new Set(['edges', 'pageInfo', 'totalCount', 'missingSources']);

/** A field's arguments as its resolver gets them: variables substituted, the schema's defaults applied. */
function argumentValues(definition: GraphQLField<unknown, unknown> | undefined, field: FieldNode, variables: Record<string, unknown>): Map<string, unknown> {
  if (!definition) return new Map();
  try {
    return new Map(Object.entries(getArgumentValues(definition, field, variables)));
  } catch {
    // Arguments that do not coerce fail execution with graphql's own error; nothing to estimate.
    return new Map();
  }
}

/** The field a selection names on `parent`; undefined for `__typename` and on unions. */
function fieldOf(parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  return parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
}

/** One estimate over one operation: its fragments, variables, and the first problem found. */
class FanoutWalk {
  readonly #fragments = new Map<string, FragmentDefinitionNode>();
  readonly #visiting = new Set<string>();
  /** The first page size over the limit, as a message; empty when there is none. */
  problem = '';

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Record<string, unknown>,
    private readonly limits: FanoutLimits,
  ) {
    for (const def of document.definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) this.#fragments.set(def.name.value, def);
    }
  }

  /** Fetches a selection set on `parent` causes when it runs `multiplier` times. */
  selections(set: SelectionSetNode, parent: GraphQLNamedType | undefined, multiplier: number, root: boolean): number {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += this.#field(selection, parent, multiplier, root);
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? this.#fragments.get(selection.name.value) : selection;
      const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : undefined;
      if (!fragment || (name && this.#visiting.has(name))) continue;
      if (name) this.#visiting.add(name);
      const on = fragment.typeCondition ? (this.schema.getType(fragment.typeCondition.name.value) ?? undefined) : parent;
      cost += this.selections(fragment.selectionSet, on, multiplier, root);
      if (name) this.#visiting.delete(name);
    }
    return cost;
  }

  #field(field: FieldNode, parent: GraphQLNamedType | undefined, multiplier: number, root: boolean): number {
    const definition = fieldOf(parent, field.name.value);
    const args = argumentValues(definition, field, this.variables);
    let size: number | undefined;
    for (const name of ['first', 'last']) {
      const n = args.get(name);
      if (typeof n === 'number') {
        if (n > this.limits.maxPageSize) this.problem ||= `${field.name.value}(${name}: ${n}): pages hold at most ${this.limits.maxPageSize} items`;
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
    return own + (field.selectionSet ? this.selections(field.selectionSet, definition && getNamedType(definition.type), below, false) : 0);
  }
}
