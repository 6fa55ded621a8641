import { Knex } from 'knex';

/** A row of the `clients` table, named `name`: a table with a unique key and nothing that refers to it. */
export const aClientRow = (name: string): Record<string, unknown> => ({
  name,
  scopes: '[]',
  token_hash: name.padEnd(64, '0'),
  created_at: new Date('2026-12-02T00:00:00Z'),
});

/** The names in the `clients` table, in order. */
export const clientNames = async (knex: Knex): Promise<string[]> =>
  (await knex('clients').orderBy('name').pluck('name')) as string[];
