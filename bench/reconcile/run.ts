/*
 * `make bench-reconcile`: forte-cli reconcile (built) over a generated export of 1,000,000 Xsolla transactions
 * against 1,000,000 receipts on MariaDB (issue #14: at most 60 s and 512 MB peak). The export holds a few known
 * discrepancies, which the run must report exactly. Prints the figures, then one `name=value` line each.
 * BENCH_RECONCILE_TRANSACTIONS changes the size, BENCH_RECONCILE_FORMAT=json measures a JSON export instead of CSV.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { emptyBenchDatabase } from '../api/bench-database';
import { SeededPayment, seedLedger } from './ledger-seed';

const TRANSACTIONS = Number(process.env.BENCH_RECONCILE_TRANSACTIONS ?? 1_000_000);
const FORMAT = process.env.BENCH_RECONCILE_FORMAT === 'json' ? 'json' : 'csv';
const USERS = 20_000;
/** Of each kind, in the export: payments Forte never saw, payments Xsolla does not list, other amounts. */
const DISCREPANCIES = 100;
/** Every this many payments, one whose amount Xsolla reports a cent higher (DISCREPANCIES of them). */
const AMOUNT_OFF_EVERY = Math.floor(TRANSACTIONS / (DISCREPANCIES + 1));
const FROM = '2026-11-01';
const TO = '2026-11-30';
const TARGETS = { seconds: 60, peakRssMb: 512 };
/** dist/ (this file runs compiled, from dist/bench/reconcile). */
const DIST = join(__dirname, '../..');

const WINDOW_MS = Date.parse(`${TO}T23:59:59Z`) - Date.parse(`${FROM}T00:00:00Z`);

function payment(n: number): SeededPayment {
  const points = 10 * (1 + (n % 90));
  return {
    transactionId: String(900_000_000 + n),
    userId: 1 + (n % USERS),
    points,
    cents: points * 10,
    at: new Date(Date.parse(`${FROM}T00:00:00Z`) + Math.floor((n / TRANSACTIONS) * WINDOW_MS)),
  };
}

function* forteLedger(): Generator<SeededPayment> {
  for (let n = 0; n < TRANSACTIONS; n += 1) yield payment(n);
}

/** Xsolla's side: Forte's payments but the last few (missing in Xsolla), a few more (missing in Forte), some amounts off. */
function* xsollaExport(): Generator<SeededPayment> {
  for (let n = 0; n < TRANSACTIONS - DISCREPANCIES; n += 1) {
    const paid = payment(n);
    yield n % AMOUNT_OFF_EVERY === 0 && n / AMOUNT_OFF_EVERY < DISCREPANCIES
      ? { ...paid, cents: paid.cents + 1 }
      : paid;
  }
  for (let n = 0; n < DISCREPANCIES; n += 1) yield { ...payment(n), transactionId: String(990_000_000 + n) };
}

const money = (cents: number): string => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

const CSV_HEADER =
  'transaction.id,transaction.payment_date,user.id,purchase.virtual_currency.amount,payment_details.payment.amount,payment_details.payment.currency,transaction.status\n';

const csvLine = (paid: SeededPayment): string =>
  `${paid.transactionId},${paid.at.toISOString().slice(0, 10)},${paid.userId},${paid.points},${money(paid.cents)},USD,done\n`;

/** The shape of the transactions search answer (XSOLLA.md), one element per transaction. */
const jsonElement = (paid: SeededPayment): string =>
  JSON.stringify({
    transaction: {
      id: Number(paid.transactionId),
      external_id: `forte-${paid.transactionId}`,
      create_date: paid.at.toISOString().slice(0, 10),
      status: 'done',
      dry_run: 0,
      project: { id: 18404, name: 'Forte' },
    },
    user: { id: String(paid.userId), name: 'Xsolla User', country: 'KR' },
    purchase: { virtual_currency: { amount: paid.points, name: 'Points' }, virtual_items: null },
    payment_details: {
      payment: { amount: Number(money(paid.cents)), amount_from_ps: Number(money(paid.cents)), currency: 'USD' },
    },
  });

async function writeExport(path: string): Promise<number> {
  const out = createWriteStream(path);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let first = true;
  await write(FORMAT === 'csv' ? CSV_HEADER : '[\n');
  for (const paid of xsollaExport()) {
    await write(FORMAT === 'csv' ? csvLine(paid) : `${first ? '' : ',\n'}${jsonElement(paid)}`);
    first = false;
  }
  if (FORMAT === 'json') await write('\n]\n');
  out.end();
  await once(out, 'finish');
  return statSync(path).size;
}

interface Measured {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  exitCode: number | null;
  report: { mismatches: number; categories: Record<string, { count: number }>; checked: Record<string, number> };
}

/** Runs the built forte-cli reconcile and measures its wall time and peak resident memory. */
async function measure(databaseUrl: string, exportPath: string, folder: string): Promise<Measured> {
  const rssFile = join(folder, 'rss');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--require',
      join(__dirname, 'max-rss.js'),
      join(DIST, 'src/cli/main.js'),
      'reconcile',
      '--from',
      FROM,
      '--to',
      TO,
      '--source',
      exportPath,
      '--format',
      'json',
    ],
    {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'warn',
        FORTE_BENCH_RSS_FILE: rssFile,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const [exitCode] = (await once(child, 'close')) as [number | null];
  const seconds = (performance.now() - started) / 1000;
  const report = JSON.parse(stdout) as Measured['report'];
  const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKb: number; cpuMicros: number };
  return { seconds, cpuSeconds: usage.cpuMicros / 1e6, peakRssMb: usage.maxRssKb / 1024, exitCode, report };
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'forte-bench-reconcile-'));
  const database = await emptyBenchDatabase();
  try {
    const loading = performance.now();
    const knex = knexFactory({ client: 'mysql2', connection: database.url, pool: { min: 1, max: 1 } });
    try {
      await seedLedger(knex, USERS, forteLedger(), (loaded) => {
        if (loaded % 100_000 === 0) process.stderr.write(`loaded ${loaded} receipts\n`);
      });
    } finally {
      await knex.destroy();
    }
    const loadSeconds = (performance.now() - loading) / 1000;
    const exportPath = join(folder, `xsolla-transactions.${FORMAT}`);
    const bytes = await writeExport(exportPath);
    process.stderr.write(
      `loaded in ${loadSeconds.toFixed(1)} s; export ${(bytes / 2 ** 20).toFixed(0)} MB; reconciling\n`,
    );

    const run = await measure(database.url, exportPath, folder);
    const counts = Object.fromEntries(
      Object.entries(run.report.categories).map(([name, entry]) => [name, entry.count]),
    );
    const expected = {
      missing_in_forte: DISCREPANCIES,
      missing_in_xsolla: DISCREPANCIES,
      amount_mismatch: DISCREPANCIES,
      status_mismatch: 0,
      balance_drift: 0,
    };
    const correct = run.exitCode === 1 && JSON.stringify(counts) === JSON.stringify(expected);
    const fast = run.seconds <= TARGETS.seconds;
    const lean = run.peakRssMb <= TARGETS.peakRssMb;
    process.stdout.write(
      `forte-cli reconcile: ${run.report.checked.xsolla_transactions} Xsolla transactions (${FORMAT}, ` +
        `${(bytes / 2 ** 20).toFixed(0)} MB) against ${run.report.checked.forte_transactions} receipts on MariaDB\n` +
        `  time       ${run.seconds.toFixed(1)} s   (target <= ${TARGETS.seconds} s)  ${fast ? 'ok' : 'MISSED'}\n` +
        `  CPU time   ${run.cpuSeconds.toFixed(1)} s   (user and system; the machine is shared, wall time varies)\n` +
        `  peak RSS   ${run.peakRssMb.toFixed(0)} MB  (target <= ${TARGETS.peakRssMb} MB)  ${lean ? 'ok' : 'MISSED'}\n` +
        `  found      ${JSON.stringify(counts)}, exit ${run.exitCode}  ${correct ? 'ok' : 'WRONG'}\n` +
        `reconcile_seconds=${run.seconds.toFixed(2)}\n` +
        `reconcile_cpu_seconds=${run.cpuSeconds.toFixed(2)}\n` +
        `reconcile_peak_rss_mb=${run.peakRssMb.toFixed(0)}\n` +
        `reconcile_transactions=${run.report.checked.xsolla_transactions}\n` +
        `reconcile_receipts=${run.report.checked.forte_transactions}\n` +
        `reconcile_load_seconds=${loadSeconds.toFixed(1)}\n`,
    );
    if (!(correct && fast && lean)) process.exitCode = 1;
  } finally {
    await database.drop();
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
