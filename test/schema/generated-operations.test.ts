import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.js';

describe('test/generated/operations.ts', () => {
  it('is what codegen makes of test/operations and the committed schema (run `npm run codegen` and commit the diff)', async () => {
    const [output] = await generate({ ...config, cwd: new URL('../..', import.meta.url).pathname, silent: true }, false);
    const committed = readFileSync(new URL('../generated/operations.ts', import.meta.url), 'utf8');
    expect(output?.filename).toMatch(/test\/generated\/operations\.ts$/);
    expect(committed).toBe(output?.content);
  });
});
