import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { SourceHttp, SourceReply } from '../../../src/sources/http.js';
import { BARE, type Envelope, openList } from '../../../src/sources/kit/decode.js';

/** What decode asks of the HTTP layer: who the source is, and that no body is a vendor error. */
const http = { sourceId: 's', options: { kind: 'dws' }, vendorError: () => undefined } as unknown as SourceHttp;
const call = { method: 'GET', route: '/clusters' } as const;

/** The same answer as SourceHttp gives it below and above LARGE_BODY: parsed, or kept as bytes. */
const small = (body: unknown): SourceReply => ({ status: 200, headers: {}, body });
const large = (body: unknown): SourceReply => {
  const bytes = Buffer.from(JSON.stringify(body, null, 1));
  return {
    status: 200,
    headers: {},
    bytes,
    get body() {
      return JSON.parse(bytes.toString());
    },
  };
};

const row = z.object({ id: z.string(), name: z.string() }).loose();
const list = z.object({ clusters: z.array(row), count: z.number() }).loose();
const enveloped: Envelope<{ code: number; data?: unknown }> = {
  schema: z.object({ code: z.number(), data: z.unknown() }).loose(),
  payload: (e) => e.data,
  at: 'data',
};

const read = <D, E>(opened: { data: D; envelope: E; count: number; each(visit: (r: unknown) => void): void }) => {
  const rows: unknown[] = [];
  opened.each((r) => rows.push(r));
  return { count: opened.count, rows };
};

describe('openList', () => {
  const rows = Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, name: `n${i}`, extra: { nested: [i] } }));

  it('reads the same rows and the same rest of the answer from a parsed body and from one kept as bytes', () => {
    const body = { clusters: rows, count: 30 };
    for (const reply of [small(body), large(body)]) {
      const opened = openList(http, call, reply, BARE, list, ['clusters'], row);
      expect(read(opened)).toEqual({ count: 30, rows });
      expect(opened.data.count).toBe(30);
    }
    const wrapped = { code: 0, data: rows };
    for (const reply of [small(wrapped), large(wrapped)]) {
      const opened = openList(http, call, reply, enveloped, z.array(row), [], row);
      expect(read(opened)).toEqual({ count: 30, rows });
      expect(opened.envelope.code).toBe(0);
    }
  });

  it('says a row is shared when it is the decoded reply’s own, the same object for every read, and not when parsed for one read', () => {
    const body = { clusters: rows, count: 30 };
    const once = small(body);
    const seen = (reply: SourceReply) => {
      const got: { row: unknown; shared: boolean }[] = [];
      openList(http, call, reply, BARE, list, ['clusters'], row).each((r, shared) => got.push({ row: r, shared }));
      return got;
    };
    const [first, second] = [seen(once), seen(once)];
    expect(first.every((r) => r.shared)).toBe(true);
    expect(second.map((r) => r.row)).toEqual(first.map((r) => r.row));
    second.forEach((r, i) => expect(r.row).toBe(first[i]?.row));
    expect(seen(large(body)).some((r) => r.shared)).toBe(false);
  });

  it('names the same field of a row unlike the document either way, and checks the rest of the answer either way', () => {
    const bad = { clusters: [...rows.slice(0, 7), { id: 'c7', name: 7 }], count: 8 };
    for (const reply of [small(bad), large(bad)]) {
      expect(() => read(openList(http, call, reply, BARE, list, ['clusters'], row))).toThrow(
        expect.objectContaining({ code: 'SOURCE_BAD_RESPONSE', message: expect.stringContaining('(clusters.7.name: ') }),
      );
    }
    const uncounted = { clusters: rows };
    for (const reply of [small(uncounted), large(uncounted)]) {
      expect(() => read(openList(http, call, reply, BARE, list, ['clusters'], row))).toThrow(
        expect.objectContaining({ code: 'SOURCE_BAD_RESPONSE', message: expect.stringContaining('(count: ') }),
      );
    }
  });

  it('reads a body whose rows cannot be found by checking it whole, so its error is the whole check’s', () => {
    for (const body of [
      { clusters: null, count: 0 },
      { items: [], count: 0 },
    ]) {
      expect(() => openList(http, call, large(body), BARE, list, ['clusters'], row)).toThrow(
        expect.objectContaining({ code: 'SOURCE_BAD_RESPONSE', message: expect.stringContaining('(clusters: ') }),
      );
    }
  });
});
