import { Knex } from 'knex';
import { PageRequest } from '../../application/ports/page-request';

/** The rows of a query newest first (by id) after `beforeId`, and whether older rows follow the page. */
export async function newestFirstPage<T>(
  query: Knex.QueryBuilder,
  page: PageRequest,
  toDomain: (row: unknown) => T,
): Promise<{ records: T[]; more: boolean }> {
  if (page.beforeId !== null) query.andWhere('id', '<', page.beforeId);
  // One row more than the page tells whether an older page follows.
  const rows: unknown[] = await query.orderBy('id', 'desc').limit(page.limit + 1);
  return { records: rows.slice(0, page.limit).map(toDomain), more: rows.length > page.limit };
}
