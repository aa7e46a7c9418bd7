import { describe, expect, it } from 'vitest';
import { pageCount } from '../../../src/sources/tiem/paging.js';

describe('pageCount', () => {
  it('counts pages, an empty list being one empty page', () => {
    expect([pageCount(0, 1000), pageCount(1000, 1000), pageCount(1001, 1000)]).toEqual([1, 1, 2]);
  });
});
