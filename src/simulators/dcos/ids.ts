import type { Rng } from '../kit/rng.js';

/**
 * MongoDB ObjectIds, as every id in this API is (`59bb43f8284ae3000bf663ea`): four bytes
 * of creation time in seconds, five of machine/process, three of a counter. Each backend
 * service (user management, cluster management, logs) has its own machine part, as in
 * the document's examples, so ids look like they came from the right service.
 */
export class ObjectIds {
  readonly #machine: string;
  #counter: number;

  constructor(rng: Rng) {
    this.#machine = `${rng.hex(6)}000${rng.int(8, 15).toString(16)}`;
    this.#counter = rng.int(0x100000, 0xefffff);
  }

  next(atMs: number): string {
    this.#counter = (this.#counter + 1) & 0xffffff;
    const seconds = Math.floor(atMs / 1000)
      .toString(16)
      .padStart(8, '0');
    return `${seconds}${this.#machine}${this.#counter.toString(16).padStart(6, '0')}`;
  }
}

export const isObjectId = (value: string): boolean => /^[0-9a-f]{24}$/i.test(value);
