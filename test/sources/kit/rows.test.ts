import { describe, expect, it } from 'vitest';
import { splitRows as splitBytes, textOf } from '../../../src/sources/kit/rows.js';

const splitRows = (text: string, path: string[]) => splitBytes(Buffer.from(text), path);

/** The rows as parsed values, and the outer text parsed: what a reader gets from a split. */
const read = (text: string, path: string[]) => {
  const split = splitRows(text, path);
  if (!split) return undefined;
  const rows = [];
  for (let i = 0; i < split.rows.length; i += 2) rows.push(JSON.parse(textOf(Buffer.from(text), split.rows[i], split.rows[i + 1])));
  return { outer: JSON.parse(split.outer), rows };
};

describe('splitRows', () => {
  const rows = [
    { id: 'a', name: 'x,y', tags: [{ key: '[', value: '}' }], nested: { clusters: [1, 2] } },
    { id: 'b "quoted" \\', name: 'ünïcode ✓', tags: [] },
    { id: 'c', note: 'a \\" still inside', empty: {} },
  ];

  it('finds the rows of an array under a key, whatever the strings inside them hold, and empties it in the outer text', () => {
    const body = { count: 3, clusters: rows, after: { clusters: ['not this one'] } };
    for (const text of [JSON.stringify(body), JSON.stringify(body, null, 2)]) {
      expect(read(text, ['clusters'])).toEqual({ outer: { ...body, clusters: [] }, rows });
    }
  });

  it('follows a path of keys, not the first array with the name', () => {
    const body = { clusters: ['decoy'], code: 0, data: { total: 3, clusters: rows }, page: { total: 3 } };
    expect(read(JSON.stringify(body), ['data', 'clusters'])).toEqual({ outer: { ...body, data: { total: 3, clusters: [] } }, rows });
  });

  it('reads a top-level array with the empty path, and an empty array as no rows', () => {
    expect(read(JSON.stringify(rows), [])).toEqual({ outer: [], rows });
    expect(read('{"clusters": [ ], "count": 0}', ['clusters'])).toEqual({ outer: { clusters: [], count: 0 }, rows: [] });
    expect(read('[1, "two", null, [3]]', [])?.rows).toEqual([1, 'two', null, [3]]);
  });

  it('finds nothing where the path holds no array, or the rows are not well separated, so the caller parses the whole text', () => {
    expect(splitRows('{"clusters": null}', ['clusters'])).toBeUndefined();
    expect(splitRows('{"items": []}', ['clusters'])).toBeUndefined();
    expect(splitRows('{"data": {"clusters": {"a": []}}}', ['data', 'clusters'])).toBeUndefined();
    expect(splitRows('{"clusters": [{"a": 1},]}', ['clusters'])).toBeUndefined();
    expect(splitRows('{"clusters": [,{"a": 1}]}', ['clusters'])).toBeUndefined();
    expect(splitRows('{"clusters": [{"a": 1}}', ['clusters'])).toBeUndefined();
    expect(splitRows('{"clusters": [{"a": 1}', ['clusters'])).toBeUndefined();
  });

  it('leaves the checking of everything else to JSON.parse of the outer text and each row', () => {
    const text = '{"clusters": [{"a": 1} {"b": 2}], "count": x}';
    const split = splitRows(text, ['clusters']);
    expect(split?.rows).toHaveLength(2);
    expect(() => JSON.parse(split?.outer ?? '')).toThrow(SyntaxError);
    expect(() => JSON.parse(textOf(Buffer.from(text), split?.rows[0], split?.rows[1]))).toThrow(SyntaxError);
  });
});
