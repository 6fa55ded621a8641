/** Columns by dense id grow a page of 65,536 ids at a time and never copy (see CounterColumn). */
export const PAGE_BITS = 16;
export const PAGE_MASK = (1 << PAGE_BITS) - 1;
