/*
 * `make bench`: Forte against what the database allows, measured side by side in one run (PRODUCT targets in
 * issue #16). Prints a table, then one `name=value` line per figure. BENCH_SECONDS sets each measurement's length.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createBenchDatabase } from './bench-database';
import { ChildServer, cpuSeconds, forkServer, residentMemory } from './child-server';
import { load, LoadResult } from './load';
import { pacedLoad } from './paced-load';
import { BENCH_XSOLLA_SECRET, paymentWebhook } from './payment-webhooks';
import { pacedPurchaseCeiling, poolOf, purchaseCeiling } from './purchase-ceiling';
import { inTurns, median, pairedRatio } from './in-turns';

const USERS = 2000;
const CLIENTS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** The throughput pairs are measured in turns (in-turns.ts): ROUNDS rounds of SECONDS / ROUNDS each. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_SECONDS = SECONDS / ROUNDS;
/** The half-load latency: rounds of Forte and the ceiling in turns, each HALF_LOAD_SECONDS measured. */
const HALF_LOAD_ROUNDS = 3;
const HALF_LOAD_SECONDS = SECONDS / 2;
const MIXED_REQUESTS = 100_000;
const MIXED_WARM_UP = 30_000;
/** dist/ (this file runs compiled, from dist/bench/api). */
const DIST = join(__dirname, '../..');
/** Forte as configured for the run: the pool as large as the ceiling's 32 connections. */
const FORTE_ENV = {
  ACCESS_LOG: 'off',
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  PORT: '0',
  DATABASE_POOL_SIZE: '32',
  XSOLLA_PROJECT_SECRET: BENCH_XSOLLA_SECRET,
};

const TARGETS = {
  purchase_ratio: 0.6,
  purchase_p99_ms_at_half_load: 25,
  read_ratio: 0.8,
  webhook_ratio: 0.8,
  rss_growth_pct: 10,
  start_to_ready_s: 1,
};

const userPath = (n: number): string => `/api/v2/users/${1 + (n % USERS)}`;

/** A port nothing listens on now: the system's pick for a listener that closes at once. */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

/** Seconds from spawning `forte-cli serve` (built) to its first ready answer. */
async function startToReady(databaseUrl: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(DIST, 'src/cli/main.js'), 'serve'], {
    env: { ...process.env, ...FORTE_ENV, PORT: String(port), DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  try {
    for (;;) {
      const ready = await fetch(`http://127.0.0.1:${port}/ready`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) return (performance.now() - started) / 1000;
      if (child.exitCode !== null) throw new Error(`forte-cli serve exited with ${child.exitCode}: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
}

const valid = (name: string, result: LoadResult): LoadResult => {
  if (result.failures > 0) {
    throw new Error(
      `${name}: ${result.failures} answers were not 2xx (${JSON.stringify(result.statuses)}); the figure would mean nothing`,
    );
  }
  return result;
};

async function main(): Promise<void> {
  const database = await createBenchDatabase(USERS);
  const forte = await forkServer(join(__dirname, 'forte-server.js'), [], {
    execArgv: ['--expose-gc'],
    env: { ...FORTE_ENV, DATABASE_URL: database.url },
  });
  const minimal = await forkServer(join(__dirname, 'minimal-read-server.js'), [database.url]);
  try {
    const startSeconds = await startToReady(database.url);
    const reads = (server: ChildServer, seconds = SECONDS) =>
      load({
        origin: server.origin,
        token: database.token,
        connections: CLIENTS,
        seconds,
        request: (n) => ({ method: 'GET', path: userPath(n) }),
      });
    const buy = { method: 'POST' as const, body: JSON.stringify({ item_id: database.itemId }) };
    const purchase = (n: number) => ({ ...buy, path: `${userPath(n)}/items` });
    /** The clients of each measurement of Forte. */
    const onForte = { origin: forte.origin, token: database.token, connections: CLIENTS, seconds: SECONDS };

    const onDatabase = { url: database.url, users: USERS, itemId: database.itemId, workers: CLIENTS, seconds: SECONDS };
    const ceilingPool = poolOf(onDatabase);
    // Warm-up: connections opened, code compiled, caches filled, on both sides of each pair.
    await reads(minimal, 2);
    await reads(forte, 2);
    await purchaseCeiling({ ...onDatabase, seconds: 2 }, ceilingPool);
    await load({ ...onForte, seconds: 2, request: purchase });
    /** One round's measurement: its rate, its p99, and the server's CPU milliseconds per request meanwhile. */
    const measured = async (name: string, server: ChildServer | null, run: () => Promise<LoadResult>) => {
      const cpuBefore = server ? cpuSeconds(server) : 0;
      const result = valid(name, await run());
      const cpuMs = server ? ((cpuSeconds(server) - cpuBefore) * 1000) / (result.perSecond * ROUND_SECONDS) : 0;
      return { ...result, cpuMs };
    };
    const onForteRound = { ...onForte, seconds: ROUND_SECONDS };
    /** Each payment a new Xsolla transaction, over every round. */
    let webhooksSent = 0;
    const turns = await inTurns(
      ROUNDS,
      {
        ceiling: () =>
          measured('ceiling', null, async () => ({
            ...(await purchaseCeiling({ ...onDatabase, seconds: ROUND_SECONDS }, ceilingPool)),
            failures: 0,
            statuses: {},
          })),
        batchedCeiling: () =>
          measured('ceiling in Forte’s round trips', null, async () => ({
            ...(await purchaseCeiling({ ...onDatabase, seconds: ROUND_SECONDS, batched: true }, ceilingPool)),
            failures: 0,
            statuses: {},
          })),
        buy: () => measured('Forte purchase', forte, () => load({ ...onForteRound, request: purchase })),
        webhooks: () =>
          measured('Forte payment webhooks', forte, () =>
            load({
              ...onForteRound,
              request: () => ({ method: 'POST', path: '/api/v2/xsolla', ...paymentWebhook(webhooksSent++, USERS) }),
            }),
          ),
        minimalRead: () => measured('minimal read', minimal, () => reads(minimal, ROUND_SECONDS)),
        forteRead: () => measured('Forte read', forte, () => reads(forte, ROUND_SECONDS)),
      },
      { alternate: true },
    );
    await ceilingPool.end();
    const medianOf = (results: { perSecond: number; p99Ms: number; cpuMs: number }[]) => ({
      perSecond: median(results.map((result) => result.perSecond)),
      p99Ms: median(results.map((result) => result.p99Ms)),
      cpuMs: median(results.map((result) => result.cpuMs)),
    });
    const ceiling = medianOf(turns.ceiling);
    const buyForte = medianOf(turns.buy);
    const readCeiling = medianOf(turns.minimalRead);
    const readForte = medianOf(turns.forteRead);
    const rates = (results: { perSecond: number }[]) => results.map((result) => result.perSecond);

    const halfRate = Math.round(buyForte.perSecond / 2);
    // Half load on both sides, in turns, which goes first alternating; each run's first second at the rate is a warm-up, not counted (paced-load.ts).
    // The statements alone show what the database's commits cost in latency at that rate; they run in this process,
    // whose CPU time meanwhile is the ceiling's client's.
    const halfLoad = { rate: halfRate, seconds: HALF_LOAD_SECONDS, warmUpSeconds: 1 };
    const perPurchase = (cpuMs: number) => cpuMs / (halfRate * (HALF_LOAD_SECONDS + halfLoad.warmUpSeconds));
    const halfTurns = await inTurns(
      HALF_LOAD_ROUNDS,
      {
        forte: async () => {
          const cpuBefore = cpuSeconds(forte);
          const result = valid(
            'Forte purchase at half load',
            await pacedLoad({ ...onForte, ...halfLoad, request: purchase }),
          );
          return { ...result, cpuMs: perPurchase((cpuSeconds(forte) - cpuBefore) * 1000) };
        },
        ceiling: async () => {
          const cpuBefore = process.cpuUsage();
          const result = valid('ceiling at half load', await pacedPurchaseCeiling({ ...onDatabase, ...halfLoad }));
          const cpu = process.cpuUsage(cpuBefore);
          return { ...result, cpuMs: perPurchase((cpu.user + cpu.system) / 1000) };
        },
      },
      { alternate: true },
    );
    const buyHalf = medianOf(halfTurns.forte);
    const ceilingHalf = medianOf(halfTurns.ceiling);
    // Both sides at once, each at half that rate and on users of its own: a stall of the database or the machine then
    // lands on both, where in turns it lands on whichever side is running.
    const atOnce = { ...halfLoad, rate: halfRate / 2 };
    const togetherTurns = await inTurns(HALF_LOAD_ROUNDS, {
      both: async () => {
        const [forteSide, ceilingSide] = await Promise.all([
          pacedLoad({ ...onForte, ...atOnce, request: (n) => purchase(n + USERS / 2) }),
          pacedPurchaseCeiling({ ...onDatabase, ...atOnce }),
        ]);
        return { forte: valid('Forte purchase at once', forteSide), ceiling: valid('ceiling at once', ceilingSide) };
      },
    });
    const p99Together = (side: 'forte' | 'ceiling') => median(togetherTurns.both.map((round) => round[side].p99Ms));

    const mixed = (amount: number) =>
      load({
        ...onForte,
        seconds: 600,
        amount,
        request: (n) => (n % 4 === 3 ? purchase(n) : { method: 'GET', path: userPath(n) }),
      });
    // The heap grows to where it stays within the first tens of thousands of requests (from 89 to 131 MiB here, then
    // flat over 150,000 more): growth is measured from there, not from wherever the short rounds above left it.
    valid('mixed requests (warm-up)', await mixed(MIXED_WARM_UP));
    const rssBefore = await residentMemory(forte);
    valid('mixed requests', await mixed(MIXED_REQUESTS));
    const rssAfter = await residentMemory(forte);

    const figures = {
      purchase_ratio: pairedRatio(rates(turns.buy), rates(turns.ceiling)),
      purchase_p99_ms_at_half_load: buyHalf.p99Ms,
      read_ratio: pairedRatio(rates(turns.forteRead), rates(turns.minimalRead)),
      webhook_ratio: pairedRatio(rates(turns.webhooks), rates(turns.buy)),
      rss_growth_pct: (100 * (rssAfter - rssBefore)) / rssBefore,
      start_to_ready_s: startSeconds,
    };
    const row = (work: string, ceilingText: string, forteText: string, ratio: string) =>
      `| ${work.padEnd(34)} | ${ceilingText.padEnd(28)} | ${forteText.padEnd(28)} | ${ratio.padEnd(6)} |`;
    const rate = (result: { perSecond: number; p99Ms: number }) =>
      `${result.perSecond.toFixed(0)}/s, p99 ${result.p99Ms.toFixed(1)} ms`;
    const lines = [
      `Forte against the database's ceiling: ${USERS} users, ${CLIENTS} concurrent clients, keep-alive, access log off;`,
      `each pair measured in turns (every other round in the reverse order), ${ROUNDS} rounds of ${ROUND_SECONDS} s: medians of the rounds, ratios the median of each round's ratio;`,
      `half load: ${HALF_LOAD_ROUNDS} rounds of each side in turns, ${HALF_LOAD_SECONDS} s after a second of warm-up at the rate, medians of the rounds`,
      row('work', 'ceiling', 'Forte', 'ratio'),
      row('-'.repeat(34), '-'.repeat(28), '-'.repeat(28), '-'.repeat(6)),
      row(
        'purchase (POST /users/{id}/items)',
        `${rate(ceiling)} (mysql2)`,
        rate(buyForte),
        figures.purchase_ratio.toFixed(3),
      ),
      row(
        'the same in Forte’s round trips',
        `${rate(medianOf(turns.batchedCeiling))} (mysql2)`,
        '(reference)',
        pairedRatio(rates(turns.buy), rates(turns.batchedCeiling)).toFixed(3),
      ),
      row("purchase at half Forte's rate, paced", `${rate(ceilingHalf)} (mysql2)`, rate(buyHalf), ''),
      row(
        'both at once, half that rate each',
        `p99 ${p99Together('ceiling').toFixed(1)} ms (mysql2)`,
        `p99 ${p99Together('forte').toFixed(1)} ms`,
        '',
      ),
      row(
        'read (GET /users/{id})',
        `${rate(readCeiling)} (Koa+mysql2)`,
        rate(readForte),
        figures.read_ratio.toFixed(3),
      ),
      `payment webhooks (POST /xsolla): ${rate(medianOf(turns.webhooks))}, ${figures.webhook_ratio.toFixed(3)} of purchases`,
      `CPU per read: minimal handler ${readCeiling.cpuMs.toFixed(3)} ms, Forte ${readForte.cpuMs.toFixed(3)} ms`,
      `CPU per purchase at half load: the ceiling's client ${ceilingHalf.cpuMs.toFixed(3)} ms, Forte ${buyHalf.cpuMs.toFixed(3)} ms`,
      '',
      `RSS after ${MIXED_WARM_UP} mixed requests and GC ${(rssBefore / 2 ** 20).toFixed(1)} MiB, after ${MIXED_REQUESTS} more and GC ${(rssAfter / 2 ** 20).toFixed(1)} MiB`,
      `start to ready (built, forte-cli serve on MariaDB): ${startSeconds.toFixed(2)} s`,
      '',
      ...Object.entries(figures).map(([name, value]) => `${name}=${value.toFixed(3)}`),
      `targets: ${Object.entries(TARGETS)
        .map(([name, target]) => `${name} ${name.endsWith('ratio') ? '≥' : '<'} ${target}`)
        .join(', ')}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await Promise.all([forte.stop(), minimal.stop()]);
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 2;
});
