import { Knex } from 'knex';

/** One of the seeded Xsolla payments: its id, user, points and money (hundredths of a dollar), and its time. */
export interface SeededPayment {
  transactionId: string;
  userId: number;
  points: number;
  cents: number;
  at: Date;
}

/** Rows per INSERT statement: multi-row inserts written out as literals (numbers and fixed texts only). */
const ROWS_PER_INSERT = 5000;

const sqlTime = (at: Date): string => `'${at.toISOString().slice(0, 23).replace('T', ' ')}'`;

/**
 * Loads users, one receipt per payment (each user's chain adding up) and the payments' `xsolla_transactions` rows,
 * as fast multi-row inserts on one connection with MariaDB's checks off for the load.
 */
export async function seedLedger(
  knex: Knex,
  users: number,
  payments: Iterable<SeededPayment>,
  onProgress: (loaded: number) => void,
): Promise<number> {
  await knex.raw('SET SESSION foreign_key_checks = 0, unique_checks = 0');
  const now = sqlTime(new Date());
  for (let first = 1; first <= users; first += ROWS_PER_INSERT) {
    const rows: string[] = [];
    for (let id = first; id < first + ROWS_PER_INSERT && id <= users; id += 1) {
      rows.push(`(${id},'${368003617146880000n + BigInt(id)}','bench user ${id}',0,${now},${now})`);
    }
    await knex.raw(`INSERT INTO users (id, discord_id, name, points, created_at, updated_at) VALUES ${rows.join(',')}`);
  }
  const balances = new Float64Array(users + 1);
  let receiptId = 0;
  let receipts: string[] = [];
  let transactions: string[] = [];
  const flush = async (): Promise<void> => {
    if (receipts.length === 0) return;
    await knex.raw(
      'INSERT INTO receipts (id, user_id, kind, delta, balance_before, balance_after, reason, source, external_ref, debt, created_at) VALUES ' +
        receipts.join(','),
    );
    await knex.raw(
      'INSERT INTO xsolla_transactions (transaction_id, user_id, payment_receipt_id, credited_points, reversed_points, payment_amount, payment_currency, dry_run, created_at, updated_at) VALUES ' +
        transactions.join(','),
    );
    onProgress(receiptId);
    receipts = [];
    transactions = [];
  };
  for (const payment of payments) {
    receiptId += 1;
    const before = balances[payment.userId] ?? 0;
    const after = before + payment.points;
    balances[payment.userId] = after;
    const at = sqlTime(payment.at);
    receipts.push(
      `(${receiptId},${payment.userId},'xsolla_payment',${payment.points},${before},${after},'xsolla payment ${payment.transactionId}','xsolla','${payment.transactionId}',0,${at})`,
    );
    const amount = `${Math.floor(payment.cents / 100)}.${String(payment.cents % 100).padStart(2, '0')}`;
    transactions.push(
      `('${payment.transactionId}',${payment.userId},${receiptId},${payment.points},0,'${amount}','USD',0,${at},${at})`,
    );
    if (receipts.length === ROWS_PER_INSERT) await flush();
  }
  await flush();
  for (let first = 1; first <= users; first += ROWS_PER_INSERT) {
    const cases: string[] = [];
    for (let id = first; id < first + ROWS_PER_INSERT && id <= users; id += 1)
      cases.push(`WHEN ${id} THEN ${balances[id] ?? 0}`);
    await knex.raw(
      `UPDATE users SET points = CASE id ${cases.join(' ')} END WHERE id BETWEEN ${first} AND ${first + cases.length - 1}`,
    );
  }
  await knex.raw('SET SESSION foreign_key_checks = 1, unique_checks = 1');
  return receiptId;
}
