import { describe, expect, it } from 'vitest';
import { Mailbox } from '../../src/workflows/mailbox.js';

type Item = { id: string; v: number };
const box = (capacity: number, onClose?: () => void) => new Mailbox<Item>({ key: (i) => i.id, capacity }, onClose);
const letters = async (m: Mailbox<Item>, n: number) => Promise.all(Array.from({ length: n }, () => m.next()));

describe('mailbox', () => {
  it('hands items over in order, straight to a waiting reader or from the queue', async () => {
    const m = box(10);
    const waiting = m.next();
    m.put({ id: 'a', v: 1 });
    expect(await waiting).toEqual({ value: { item: { id: 'a', v: 1 } }, done: false });
    m.put({ id: 'b', v: 1 });
    m.put({ id: 'c', v: 1 });
    expect((await letters(m, 2)).map((r) => r.value)).toEqual([{ item: { id: 'b', v: 1 } }, { item: { id: 'c', v: 1 } }]);
  });

  it('coalesces waiting items under one key to the latest', async () => {
    const m = box(10);
    for (let v = 1; v <= 100; v++) m.put({ id: 'a', v });
    m.put({ id: 'b', v: 1 });
    expect(m.size).toBe(2);
    expect((await letters(m, 2)).map((r) => r.value)).toEqual([{ item: { id: 'a', v: 100 } }, { item: { id: 'b', v: 1 } }]);
  });

  it('merges a waiting item with the newer one when told how', async () => {
    const m = new Mailbox<Item>({ key: (i) => i.id, capacity: 2, merge: (w, n) => ({ id: n.id, v: w.v * 10 + n.v }) });
    m.put({ id: 'a', v: 1 });
    m.put({ id: 'a', v: 2 });
    expect((await m.next()).value).toEqual({ item: { id: 'a', v: 12 } });
  });

  it('closes a subscriber that falls behind by more than its capacity with SUBSCRIBER_TOO_SLOW, dropping what waited', async () => {
    let closed = 0;
    const m = box(3, () => closed++);
    for (let i = 0; i < 10_000; i++) m.put({ id: `e${i}`, v: i });
    expect(m.size).toBe(0);
    const last = await m.next();
    expect(last.done).toBe(false);
    expect(last.value).toMatchObject({ error: { code: 'SUBSCRIBER_TOO_SLOW', capacity: 3 } });
    expect(await m.next()).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
    m.put({ id: 'late', v: 0 });
    expect(m.size).toBe(0);
  });

  it('ends a waiting reader when returned, and calls onClose once', async () => {
    let closed = 0;
    const m = box(3, () => closed++);
    const waiting = m.next();
    await m.return();
    await m.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
  });
});
