import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES } from '../../src/graphiql.js';
import { schema } from '../../src/schema/index.js';

describe('GraphiQL’s example operations', () => {
  it('are valid against the schema, so every one runs as shown', () => {
    const document = parse(EXAMPLE_QUERIES);
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
    expect(document.definitions.map((d) => ('operation' in d ? d.operation : d.kind))).toContain('subscription');
  });
});
