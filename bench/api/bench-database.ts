import { randomBytes } from 'node:crypto';
import knexFactory, { Knex } from 'knex';
import { openDatabase } from '../../src/adapters/persistence/database';
import { migrateLatest } from '../../src/adapters/persistence/migrator';
import { Sha256TokenIssuer } from '../../src/adapters/security/sha256-token-issuer';
import { SCOPES } from '../../src/domain/scope';

/** The MariaDB server the benchmark runs on (as the tests do); a throw-away database is made on it. */
const SERVER_URL = (
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'mysql://root@127.0.0.1:3306'
).replace(/\/+$/, '');

/** Users with a balance that outlasts any run, one item on sale, and a bot holding every scope. */
export interface BenchDatabase {
  url: string;
  token: string;
  itemId: number;
  users: number;
  drop(): Promise<void>;
}

const admin = (serverUrl: string): Knex =>
  knexFactory({ client: 'mysql2', connection: serverUrl, pool: { min: 0, max: 1 } });

/** A throw-away database on `serverUrl` with Forte's schema and nothing in it, and how to drop it. */
export async function emptyBenchDatabase(serverUrl = SERVER_URL): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `forte_bench_${randomBytes(4).toString('hex')}`;
  const server = admin(serverUrl);
  await server.raw(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await server.destroy();
  const url = `${serverUrl}/${name}`;
  const database = openDatabase(url);
  try {
    await migrateLatest(database.knex);
  } finally {
    await database.close();
  }
  return {
    url,
    drop: async () => {
      const dropping = admin(serverUrl);
      await dropping.raw(`DROP DATABASE IF EXISTS \`${name}\``);
      await dropping.destroy();
    },
  };
}

/** Makes the database on `serverUrl` (`mysql://user@host:port`, the benchmark's server by default). */
export async function createBenchDatabase(users: number, serverUrl = SERVER_URL): Promise<BenchDatabase> {
  const { url, drop } = await emptyBenchDatabase(serverUrl);
  const database = openDatabase(url);
  try {
    const { token, hash } = new Sha256TokenIssuer().issue();
    const now = new Date();
    await database
      .knex('clients')
      .insert({ name: 'bench-bot', scopes: JSON.stringify(SCOPES), token_hash: hash, created_at: now });
    const [itemId] = await database.knex('items').insert({
      sku: 'bench-gem',
      name: 'gem',
      description: '',
      price: 1,
      sellable: true,
      withdrawable: true,
      created_at: now,
      updated_at: now,
    });
    const balance = 1_000_000_000;
    for (let first = 1; first <= users; first += 1000) {
      const ids = Array.from({ length: Math.min(1000, users - first + 1) }, (_, n) => first + n);
      await database.knex('users').insert(
        ids.map((id) => ({
          id,
          discord_id: String(368003617146880000n + BigInt(id)),
          name: `user ${id}`,
          points: balance,
          created_at: now,
          updated_at: now,
        })),
      );
      await database.knex('receipts').insert(
        ids.map((id) => ({
          user_id: id,
          kind: 'grant',
          delta: balance,
          balance_before: 0,
          balance_after: balance,
          reason: 'bench',
          source: 'bench',
          created_at: now,
        })),
      );
    }
    return {
      url,
      token,
      itemId: Number(itemId),
      users,
      drop,
    };
  } finally {
    await database.close();
  }
}
