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
}

/** The ceiling's connections: as many as Forte's clients, with Forte's own BIGINT and time zone settings. */
export const poolOf = (options: Pick<CeilingOptions, 'url' | 'workers'>): Pool =>
  createPool({
    uri: options.url,
    connectionLimit: options.workers,
    supportBigNumbers: true,
    bigNumberStrings: true,
    timezone: 'Z',
  });

/**
 * One purchase as the statements Forte issues for it: lock the user, read the item, count what the user owns, move
 * the balance, write the receipt, the balance mirror's outbox row and the user item.
 */
export async function buyOnce(connection: PoolConnection, userId: number, itemId: number): Promise<void> {
  const now = new Date();
  await connection.query('BEGIN');
  const [users] = await connection.query('SELECT * FROM users WHERE id = ? LIMIT 1 FOR UPDATE', [userId]);
  const points = Number((users as { points: string }[])[0]?.points);
  await connection.query('SELECT * FROM items WHERE id = ? LIMIT 1', [itemId]);
  await connection.query(
    "SELECT COUNT(*) AS count FROM user_items WHERE user_id = ? AND item_id = ? AND NOT status = 'withdrawn'",
    [userId, itemId],
  );
  await connection.query('UPDATE users SET points = ?, updated_at = ? WHERE id = ? AND points = ?', [
    points - 1,
    now,
    userId,
    points,
  ]);
  const [receipt] = await connection.query(
    'INSERT INTO receipts (user_id, kind, delta, balance_before, balance_after, reason, source, external_ref, debt, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [userId, 'purchase', -1, points, points - 1, 'purchase bench-gem', 'client:bench-bot', null, false, now],
  );
  await connection.query('INSERT INTO xsolla_outbox (user_id, created_at) VALUES (?, ?)', [userId, now]);
  await connection.query(
    'INSERT INTO user_items (user_id, item_id, receipt_id, price_paid, status, expires_at, acquired_via, withdrawn_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [userId, itemId, (receipt as { insertId: number }).insertId, 1, 'active', null, 'points', null, now, now],
  );
  await connection.query('COMMIT');
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
        await buyOnce(connection, 1 + ((index + n * options.workers) % options.users), options.itemId);
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
