import { type DocumentNode, getOperationAST, type OperationDefinitionNode } from 'graphql';

/**
 * A value worked out once per parsed document and operation name. Yoga's parse cache
 * hands the same DocumentNode to every request with the same text, so plugins that need
 * something of the operation (its name, its compiled form) pay for it once, not per request.
 */
export function perOperation<T>(make: (operation: OperationDefinitionNode | undefined, document: DocumentNode) => T) {
  const made = new WeakMap<DocumentNode, Map<string, T>>();
  return (document: DocumentNode, operationName?: string | null): T => {
    let byName = made.get(document);
    if (!byName) made.set(document, (byName = new Map()));
    const key = operationName ?? '';
    if (byName.has(key)) return byName.get(key) as T;
    const value = make(getOperationAST(document, operationName) ?? undefined, document);
    byName.set(key, value);
    return value;
  };
}
