/**
 * TiEM's PageRequest: `page` counts from 1, `pageSize` from 1 to 1000 (larger sizes are
 * refused, not clamped). Walks use the largest size; windows pick the size that
 * reaches the wanted items in the fewest calls.
 */
export const MAX_PAGE_SIZE = 1000;
