import { expect } from 'vitest';
import { SourceError } from '../../src/sources/errors.js';

type Work = Promise<unknown> | (() => Promise<unknown>);

/** The error `work` rejects with; the test fails if it resolves instead. */
export async function rejection(work: Work): Promise<unknown> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection, but it resolved');
}

/** The error `work` rejects with, checked to be a `type`. */
export async function rejectionOf<E>(work: Work, type: abstract new (...args: any[]) => E): Promise<E> {
  const err = await rejection(work);
  expect(err).toBeInstanceOf(type);
  return err as E;
}

/** The SourceError `work` rejects with. */
export const failure = (work: Work) => rejectionOf(work, SourceError);
