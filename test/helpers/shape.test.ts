import { describe, expect, it } from 'vitest';
import { shapeDifferences } from './shape.js';

describe('shapeDifferences', () => {
  it('accepts values of the example types, checking every element against the first example item', () => {
    const example = { name: 'string', tags: ['string'], nested: { n: 0 } };
    expect(shapeDifferences({ name: 'a', tags: ['x', 'y'], nested: { n: 1 }, extra: true }, example)).toEqual([]);
    expect(shapeDifferences({ name: 'a', tags: ['x', 2], nested: {} }, example)).toEqual(['$.tags[1]: expected string, got number', '$.nested.n: missing']);
  });

  it('refuses an empty array where the example has items, at any depth', () => {
    const example = { tags: ['string'], relations: { masters: ['string'] }, items: [{ ids: ['string'] }] };
    expect(shapeDifferences({ tags: [], relations: { masters: [] }, items: [{ ids: [] }] }, example)).toEqual([
      '$.tags: expected items like the example, got an empty array',
      '$.relations.masters: expected items like the example, got an empty array',
      '$.items[0].ids: expected items like the example, got an empty array',
    ]);
  });

  it('accepts any array, empty or not, where the example array is empty, and anything where it is null', () => {
    expect(shapeDifferences({ tags: [] }, { tags: [] })).toEqual([]);
    expect(shapeDifferences({ tags: ['x', 1, { a: null }] }, { tags: [] })).toEqual([]);
    expect(shapeDifferences({ tags: [] }, { tags: null })).toEqual([]);
    expect(shapeDifferences({ tags: 'x' }, { tags: [] })).toEqual(['$.tags: expected array, got string']);
  });
});
