import { createPool, Pool, PoolConnection } from 'mysql2/promise';
import { Histogram } from './histogram';
import { LoadResult } from './load';
import { paced } from './paced-load';

interface CeilingOptions {
  url: string;
  users: number;
  itemId: number;
  /** Connections, as many as Forte's clients. */
  workers: number;
  seconds: number;
  /** The statements in Forte's round trips (`buyOnce`), for reference; one round trip each otherwise. */
  batched?: boolean;
}

/** The ceiling's connections: as many as Forte's clients, with Forte's own BIGINT and time zone settings. */
export const poolOf = (options: Pick<CeilingOptions, 'url' | 'workers'>): Pool =>
  createPool({
    uri: options.url,
    connectionLimit: options.workers,
    supportBigNumbers: true,
    bigNumberStrings: true,
    timezone: 'Z',
    multipleStatements: true,
  });

type Statement = [sql: string, values: unknown[]];

/** The statements Forte issues for a purchase, before its decision: lock the user, read the item, count it owned. */
const readsOf = (userId: number, itemId: number): Statement[] => [
  ['SELECT * FROM users WHERE id = ? LIMIT 1 FOR UPDATE', [userId]],
  ['SELECT * FROM items WHERE id = ? LIMIT 1', [itemId]],
  [
    "SELECT COUNT(*) AS count FROM user_items WHERE user_id = ? AND item_id = ? AND NOT status = 'withdrawn'",
    [userId, itemId],
  ],
];

/**
 * The ledger's statements with the user item: move the balance (guarded: another balance sets NULL, which fails),
 * write the receipt, the user item naming it, and the balance mirror's outbox row.
 */
const postingOf = (userId: number, itemId: number, points: number, now: Date): Statement[] => [
  [
    'UPDATE users SET points = CASE WHEN points = ? THEN ? END, updated_at = ? WHERE id = ?',
    [points, points - 1, now, userId],
  ],
  [
    'INSERT INTO receipts (user_id, kind, delta, balance_before, balance_after, reason, source, external_ref, debt, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [userId, 'purchase', -1, points, points - 1, 'purchase bench-gem', 'client:bench-bot', null, false, now],
  ],
  [
    'INSERT INTO user_items (user_id, item_id, receipt_id, price_paid, status, expires_at, acquired_via, withdrawn_at, created_at, updated_at) VALUES (?, ?, LAST_INSERT_ID(), ?, ?, ?, ?, ?, ?, ?)',
    [userId, itemId, 1, 'active', null, 'points', null, now, now],
  ],
  ['INSERT INTO xsolla_outbox (user_id, created_at) VALUES (?, ?)', [userId, now]],
];

type Answer = { points?: string }[];

/** Sends `statements` one round trip each, answering each one's result. */
async function oneByOne(connection: PoolConnection, statements: Statement[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const [sql, values] of statements) answers.push((await connection.query(sql, values))[0] as Answer);
  return answers;
}

/** Sends `statements` in one multi-statement round trip, answering each one's result. */
async function together(connection: PoolConnection, statements: Statement[]): Promise<Answer[]> {
  const sql = statements.map(([text, values]) => connection.format(text, values)).join(';\n');
  const [results] = await connection.query(sql);
  return statements.length === 1 ? [results as Answer] : (results as Answer[]);
}

/**
 * One purchase as the statements Forte issues for it, each its own round trip (BEGIN, the three reads, the ledger's
 * three with the user item, COMMIT): the ceiling the targets are measured against. With `batched`, the same
 * statements in the round trips Forte sends them in (BEGIN with the reads; the ledger's, the user item and COMMIT),
 * for reference.
 */
export async function buyOnce(
  connection: PoolConnection,
  userId: number,
  itemId: number,
  batched = false,
): Promise<void> {
  const send = batched ? together : oneByOne;
  const now = new Date();
  const [, lock] = await send(connection, [['BEGIN', []], ...readsOf(userId, itemId)]);
  await send(connection, [...postingOf(userId, itemId, Number(lock?.[0]?.points), now), ['COMMIT', []]]);
}

/**
 * The ceiling of a purchase: `buyOnce` straight through mysql2 from `workers` connections, each buying again as soon
 * as its last purchase committed, for `seconds`. Each worker buys for its own users, as bots do.
 */
export async function purchaseCeiling(
  options: CeilingOptions,
  /** The ceiling's connections (`poolOf`), kept from one measurement to the next. */
  pool: Pool,
): Promise<{ perSecond: number; p99Ms: number }> {
  const latency = new Histogram();
  const deadline = performance.now() + options.seconds * 1000;
  let done = 0;
  const worker = async (index: number): Promise<void> => {
    const connection = await pool.getConnection();
    try {
      for (let n = 0; performance.now() < deadline; n += 1) {
        const started = performance.now();
        await buyOnce(connection, 1 + ((index + n * options.workers) % options.users), options.itemId, options.batched);
        latency.record(performance.now() - started);
        done += 1;
      }
    } finally {
      connection.release();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.workers }, (_, index) => worker(index)));
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: done / seconds, p99Ms: latency.p99() };
}

/** The same statements paced at `rate` purchases a second (`paced`): the database's own latency at that rate. */
export async function pacedPurchaseCeiling(
  options: CeilingOptions & { rate: number; warmUpSeconds?: number },
): Promise<LoadResult> {
  const pool = poolOf(options);
  try {
    return await paced(options, async (n) => {
      const connection = await pool.getConnection();
      try {
        await buyOnce(connection, 1 + (n % options.users), options.itemId);
        return '200';
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        return (error as { code?: string }).code ?? 'error';
      } finally {
        connection.release();
      }
    });
  } finally {
    await pool.end();
  }
}
