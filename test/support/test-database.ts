import { randomBytes } from 'node:crypto';
import knexFactory, { Knex } from 'knex';

/** The MariaDB server the tests use; every test file gets a throw-away database on it. */
export const testServerUrl = (): string => process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306';

export const testRunPrefix = (): string => `forte_test_${process.env.FORTE_TEST_RUN_ID ?? 'adhoc'}_`;

export function adminConnection(): Knex {
  return knexFactory({ client: 'mysql2', connection: testServerUrl(), pool: { min: 0, max: 1 } });
}

/** Creates an empty database for one test file and returns its URL; `dropTestDatabase` removes it. */
export async function createTestDatabase(): Promise<{ name: string; url: string }> {
  const name = `${testRunPrefix()}${randomBytes(4).toString('hex')}`;
  const admin = adminConnection();
  try {
    await admin.raw(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.destroy();
  }
  return { name, url: `${testServerUrl().replace(/\/+$/, '')}/${name}` };
}

export async function dropTestDatabase(name: string): Promise<void> {
  const admin = adminConnection();
  try {
    await admin.raw(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await admin.destroy();
  }
}
