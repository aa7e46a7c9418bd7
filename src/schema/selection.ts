import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  Kind,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Item fields a GraphQL field reads when its name is not one of them: ids, the source,
 * child connections (by the item's own id), the vendor record.
 */
const READS: Record<string, readonly string[]> = {
  __typename: [],
  id: ['sourceId', 'nativeId'],
  source: ['sourceId'],
  rawData: ['raw'],
  cluster: ['sourceId', 'clusterNativeId'],
  hosts: ['sourceId', 'nativeId'],
  snapshots: ['sourceId', 'nativeId'],
  events: ['sourceId', 'nativeId'],
  deployments: ['sourceId', 'nativeId'],
  activeWorkflows: ['sourceId', 'nativeId'],
  details: ['sourceId', 'nativeId'],
};

/**
 * The item fields a connection's answer reads: every field selected under
 * `edges { node }`, through fragments, as item keys. Readers whose items cost calls per
 * item make only the calls those need. `@include` and `@skip` are honoured as execution
 * will honour them.
 */
export function selectedItemFields(info: GraphQLResolveInfo): ReadonlySet<string> {
  // The same field under each of a page's clusters asks the same: worked out once per
  // field and request (its nodes, and the variables @skip and @include may read).
  let byVariables = selected.get(info.fieldNodes);
  if (!byVariables) selected.set(info.fieldNodes, (byVariables = new WeakMap()));
  let fields = byVariables.get(info.variableValues);
  if (!fields) byVariables.set(info.variableValues, (fields = fieldsRead(info)));
  return fields;
}

const selected = new WeakMap<GraphQLResolveInfo['fieldNodes'], WeakMap<GraphQLResolveInfo['variableValues'], ReadonlySet<string>>>();

function fieldsRead(info: GraphQLResolveInfo): ReadonlySet<string> {
  const fields = new Set<string>(['sourceId', 'nativeId']);
  const included = (selection: SelectionNode) =>
    getDirectiveValues(GraphQLSkipDirective, selection, info.variableValues)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, selection, info.variableValues)?.if !== false;
  const visit = (set: SelectionSetNode | undefined, path: readonly string[]) => {
    for (const selection of set?.selections ?? []) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, path);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) visit(info.fragments[selection.name.value]?.selectionSet, path);
      else if (path.length === 0) {
        if (selection.name.value === 'edges') visit(selection.selectionSet, ['edges']);
      } else if (path.length === 1) {
        if (selection.name.value === 'node') visit(selection.selectionSet, ['edges', 'node']);
      } else {
        const name = selection.name.value;
        for (const field of READS[name] ?? [name]) fields.add(field);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, []);
  return fields;
}
