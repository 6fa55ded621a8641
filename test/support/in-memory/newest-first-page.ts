import { PageRequest } from '../../../src/application/ports/page-request';

/** A page of records newest first (by id) after `beforeId`, as copies, and whether older records follow. */
export function newestFirstPage<T extends { id: number }>(
  records: readonly T[],
  page: PageRequest,
): { records: T[]; more: boolean } {
  const older = records
    .filter((record) => page.beforeId === null || record.id < page.beforeId)
    .sort((a, b) => b.id - a.id);
  return { records: structuredClone(older.slice(0, page.limit)), more: older.length > page.limit };
}
