/**
 * TiEM's PageRequest: `page` counts from 1, `pageSize` from 1 to 1000 (larger sizes are
 * refused, not clamped). Walks use the largest size; windows pick the size that
 * reaches the wanted items in the fewest calls.
 */
export const MAX_PAGE_SIZE = 1000;

/** Pages of `pageSize` that hold `total` items (at least one: an empty list is one empty page). */
export const pageCount = (total: number, pageSize: number): number => Math.max(1, Math.ceil(total / pageSize));
