import { describe, expect, it } from 'vitest';
import { cap } from '../../../src/sources/kit/limit.js';

describe('cap', () => {
  it('runs at most n calls at once, the rest as earlier ones settle, each with its own result or error', async () => {
    const limit = cap(2);
    let running = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    const call = (value: number) =>
      limit(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((open) => gates.push(open));
        running--;
        if (value === 3) throw new Error('three');
        return value;
      });
    const results = [1, 2, 3, 4, 5].map((v) => call(v).catch((err: Error) => err.message));
    await Promise.resolve();
    await Promise.resolve();
    expect(running).toBe(2);
    while (gates.length > 0 || running > 0) {
      gates.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
    expect(await Promise.all(results)).toEqual([1, 2, 'three', 4, 5]);
    expect(most).toBe(2);
  });

  it('keeps separate caps apart', async () => {
    const [a, b] = [cap(1), cap(1)];
    let inA = 0;
    let release!: () => void;
    const held = a(
      () =>
        new Promise<void>((r) => {
          inA++;
          release = r;
        }),
    );
    // b is not held up by a's call in flight.
    expect(await b(async () => 'b')).toBe('b');
    expect(inA).toBe(1);
    release();
    await held;
  });

  it('starts waiting calls in the order they came, and frees the slot of a call that throws at once', async () => {
    const limit = cap(1);
    const started: string[] = [];
    let release!: () => void;
    const first = limit(
      () =>
        new Promise<void>((r) => {
          started.push('first');
          release = r;
        }),
    );
    const thrower = limit(() => {
      started.push('thrower');
      throw new Error('at once');
    });
    const rest = ['a', 'b', 'c'].map((name) => limit(async () => started.push(name)));
    expect(started).toEqual(['first']);
    release();
    await first;
    await expect(thrower).rejects.toThrow('at once');
    await Promise.all(rest);
    expect(started).toEqual(['first', 'thrower', 'a', 'b', 'c']);
  });
});
