/*
 * Where a purchase's CPU goes, in this process and without HTTP: the ceiling's statements straight through mysql2
 * against the PurchaseItem use case through Forte's unit of work, on the same database, each closed-loop from
 * 32 workers in turn (twice, the first round warming up). What the use case costs beyond the ceiling is the
 * persistence layer's (knex's query building, the transaction's own client, the row checks); what `make bench`
 * measures beyond that is the HTTP layer's.
 */
import { KnexUnitOfWork } from '../../src/adapters/persistence/knex-unit-of-work';
import { openDatabase } from '../../src/adapters/persistence/database';
import { SystemClock } from '../../src/adapters/system/system-clock';
import { PurchaseItem } from '../../src/application/purchase-item';
import { BenchDatabase } from './bench-database';
import { buyOnce, poolOf } from './purchase-ceiling';

const WORKERS = 32;

/** Purchases a second and CPU milliseconds per purchase (user, system) of `buy` run closed-loop by WORKERS. */
async function closedLoop(seconds: number, users: number, buy: (userId: number) => Promise<void>): Promise<string> {
  const deadline = performance.now() + seconds * 1000;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, worker) => {
      for (let n = 0; performance.now() < deadline; n += 1) {
        await buy(1 + ((worker + n * WORKERS) % users));
        done += 1;
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  const perSecond = done / ((performance.now() - started) / 1000);
  const ms = (micros: number): string => (micros / 1000 / done).toFixed(3);
  return `${perSecond.toFixed(0)}/s, CPU ${ms(cpu.user + cpu.system)} ms a purchase (user ${ms(cpu.user)}, system ${ms(cpu.system)})`;
}

export async function purchaseCpuSplit(database: BenchDatabase, seconds: number): Promise<string[]> {
  const pool = poolOf({ url: database.url, workers: WORKERS });
  const forte = openDatabase(database.url, { poolSize: WORKERS });
  const purchase = new PurchaseItem(
    new KnexUnitOfWork(forte.knex, { autocommitOneStatement: true }),
    new SystemClock(),
    { publish: () => undefined },
  );
  const ceiling = async (userId: number): Promise<void> => {
    const connection = await pool.getConnection();
    try {
      await buyOnce(connection, userId, database.itemId);
    } finally {
      connection.release();
    }
  };
  const useCase = async (userId: number): Promise<void> => {
    const bought = await purchase.execute({ userId, itemId: database.itemId, source: 'client:bench-bot' });
    if (!bought.ok) throw new Error(`The use case refused a purchase: ${JSON.stringify(bought.failure)}`);
  };
  const lines = ['A purchase in this process, without HTTP (closed loop, 32 workers):'];
  try {
    for (const round of [1, 2]) {
      lines.push(
        `  round ${round}, the ceiling's statements through mysql2: ${await closedLoop(seconds, database.users, ceiling)}`,
      );
      lines.push(
        `  round ${round}, the use case through knex:            ${await closedLoop(seconds, database.users, useCase)}`,
      );
    }
  } finally {
    await pool.end();
    await forte.close();
  }
  return lines;
}
