import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../src/schema/index.js';

describe('schema/schema.graphql', () => {
  it('is what the Pothos schema prints (run `npm run schema` and commit the diff)', () => {
    const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(printedSchema());
  });
});
