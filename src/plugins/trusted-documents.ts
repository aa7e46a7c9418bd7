import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { type DocumentNode, type GraphQLError, type GraphQLSchema, parse, validate } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { z } from 'zod';
import { ConfigError } from '../config.js';

/**
 * The two manifest shapes clients' build tools write: graphql-codegen's client preset
 * (`{ "<sha256>": "query …" }`) and Apollo's persisted query manifest.
 */
const manifestSchema = z.union([
  z.record(z.string().min(1), z.string().min(1)).transform((m) => Object.entries(m)),
  z
    .object({
      format: z.literal('apollo-persisted-query-manifest'),
      operations: z.array(z.object({ id: z.string().min(1), body: z.string().min(1) }).loose()),
    })
    .transform((m) => m.operations.map((o) => [o.id, o.body] as const)),
]);

const FIELD = 'server.trustedDocuments.file';

/**
 * Reads a manifest and checks every operation against the schema once, at start: a
 * document that no longer validates stops the gateway with its id named, rather than
 * failing the first client that sends it.
 */
export function loadTrustedDocuments(path: string, schema: GraphQLSchema): ReadonlyMap<string, DocumentNode> {
  let entries: z.infer<typeof manifestSchema>;
  try {
    entries = manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (err) {
    const why = err instanceof z.ZodError ? 'not a persisted-operation manifest' : ((err as NodeJS.ErrnoException).code ?? (err as Error).message);
    throw new ConfigError(FIELD, `cannot use ${path}: ${why}`);
  }
  const documents = new Map<string, DocumentNode>();
  for (const [id, body] of entries) {
    let document: DocumentNode;
    try {
      document = parse(body);
    } catch (err) {
      throw new ConfigError(FIELD, `operation ${id} does not parse: ${(err as Error).message}`);
    }
    const problem = validate(schema, document)[0];
    if (problem) throw new ConfigError(FIELD, `operation ${id} is not valid against the schema: ${problem.message}`);
    documents.set(id, document);
  }
  return documents;
}

/**
 * Only registered operations run; `mayRunAnything` says which requests may still send
 * their own (by the caller's role). Yoga's maintained plugin does the protocol (APQ's
 * `extensions.persistedQuery.sha256Hash`); this adds the manifest and the error codes.
 */
const NOT_FOUND = { message: 'this operation is not one of the trusted documents', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } } };
const ONLY = {
  message: 'only trusted documents run here: send extensions.persistedQuery.sha256Hash of a registered operation',
  extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
};

export function useTrustedDocuments(documents: ReadonlyMap<string, DocumentNode>, mayRunAnything: (request: Request) => boolean): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (id) => documents.get(id) ?? null,
    allowArbitraryOperations: mayRunAnything,
    // Checked once at load; the schema does not change while the gateway runs.
    skipDocumentValidation: true,
    customErrors: {
      notFound: NOT_FOUND,
      persistedQueryOnly: ONLY,
      keyNotFound: { message: 'the request names no trusted document', extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } } },
    },
  }) as Plugin;
}

/** What a graphql-ws subscribe message carries that decides which document runs. */
export interface OperationParams {
  query?: string | null;
  extensions?: Record<string, unknown> | null;
}

/**
 * The same rule for an operation that arrives over graphql-ws, where yoga's HTTP
 * request hooks (and so the plugin above) never run: the registered document a
 * subscription names by hash, `undefined` when the caller may send its own query, or
 * the error that refuses it.
 */
export function trustedOperation(
  documents: ReadonlyMap<string, DocumentNode>,
  params: OperationParams,
  mayRunAnything: boolean,
): DocumentNode | GraphQLError | undefined {
  const persisted = params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  if (typeof persisted?.sha256Hash === 'string')
    return documents.get(persisted.sha256Hash) ?? createGraphQLError(NOT_FOUND.message, { extensions: NOT_FOUND.extensions });
  return mayRunAnything ? undefined : createGraphQLError(ONLY.message, { extensions: ONLY.extensions });
}
