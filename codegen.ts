import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations for the tests: each `.graphql` file under test/operations becomes a
 * TypedDocumentNode, so a test that reads a field the schema does not have fails to
 * compile instead of passing on `undefined`.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/operations/**/*.graphql'],
  generates: {
    'test/generated/operations.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
        avoidOptionals: { field: true },
      },
    },
  },
};

export default config;
