/*
 * `make bench-profile`: where a request's time goes. Serves Forte in this process on a fresh bench database,
 * counts the SQL statements (and transactions) each kind of request issues, then profiles the CPU under load
 * (`--cpu-prof` of a forked server) and prints the functions with the most self time.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/adapters/config/load-config';
import { openRuntime } from '../../src/runtime';
import { startServer } from '../../src/server';
import { createBenchDatabase } from './bench-database';
import { forkServer } from './child-server';
import { load } from './load';
import { paymentWebhook, BENCH_XSOLLA_SECRET } from './payment-webhooks';
import { purchaseCpuSplit } from './persistence-split';

const USERS = 2000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
}

/** Where a sample's own code lives: a package, Forte's own folder, or Node itself. */
function placeOf(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  const own = /dist\/(src\/[^/]+(?:\/[^/]+)?)\//.exec(url);
  if (own) return own[1] as string;
  return url.startsWith('node:') ? 'node' : '(native, GC, idle)';
}

/** Self time of a V8 CPU profile, grouped by `key`, largest first, as shares of all samples. */
function hottest(profile: CpuProfile, top: number, key: (frame: ProfileNode['callFrame']) => string): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map<string, number>();
  for (const id of profile.samples) {
    const name = key((byId.get(id) as ProfileNode).callFrame);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, count]) => `${((100 * count) / profile.samples.length).toFixed(1).padStart(5)}%  ${name}`);
}

/**
 * Inclusive time of Forte's own functions (a sample counts for every function of its stack once), largest first:
 * which step of a request costs what, its libraries' work included.
 */
function ownInclusive(profile: CpuProfile, top: number): string[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map<string, number>();
  for (const sample of profile.samples) {
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const { functionName, url, lineNumber } = (byId.get(id) as ProfileNode).callFrame;
      if (!url.includes('/dist/src/')) continue;
      seen.add(`${functionName || '(anonymous)'} ${url.replace(/^.*\/dist\//, '')}:${lineNumber + 1}`);
    }
    for (const name of seen) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, count]) => `${((100 * count) / profile.samples.length).toFixed(1).padStart(5)}%  ${name}`);
}

async function statementsPerRequest(databaseUrl: string, token: string, itemId: number): Promise<string[]> {
  process.env.DATABASE_URL = databaseUrl;
  process.env.ACCESS_LOG = 'off';
  process.env.XSOLLA_PROJECT_SECRET = BENCH_XSOLLA_SECRET;
  const runtime = await openRuntime(loadConfig(), { migrations: 'leave' });
  const server = await startServer(runtime, { host: '127.0.0.1', port: 0 });
  const statements: string[] = [];
  runtime.database.knex.on('query', (query: { sql: string }) => statements.push(query.sql));
  const origin = `http://127.0.0.1:${server.port}`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const requests: [string, () => Promise<Response>][] = [
    ['GET /users/{id}', () => fetch(`${origin}/api/v2/users/1`, { headers })],
    [
      'POST /users/{id}/items',
      () =>
        fetch(`${origin}/api/v2/users/2/items`, { method: 'POST', headers, body: JSON.stringify({ item_id: itemId }) }),
    ],
    [
      'POST /xsolla (payment)',
      () => {
        const { body, authorization } = paymentWebhook(Date.now() % 1_000_000, USERS);
        return fetch(`${origin}/api/v2/xsolla`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body,
        });
      },
    ],
  ];
  const lines: string[] = [];
  try {
    for (const [name, send] of requests) {
      await send(); // the first one warms caches (the token lookup)
      statements.length = 0;
      const response = await send();
      lines.push(`${name}: ${response.status}, ${statements.length} statements`);
      lines.push(...statements.map((sql) => `    ${sql}`));
    }
  } finally {
    await server.stop();
    await runtime.close();
  }
  return lines;
}

const KINDS = ['read', 'purchase', 'webhook'] as const;
type Kind = (typeof KINDS)[number];

/** The n-th request of the load a kind is profiled under. */
function requestsOf(kind: Kind, itemId: number) {
  const user = (n: number) => 1 + (n % USERS);
  return {
    read: (n: number) => ({ method: 'GET' as const, path: `/api/v2/users/${user(n)}` }),
    purchase: (n: number) => ({
      method: 'POST' as const,
      path: `/api/v2/users/${user(n)}/items`,
      body: JSON.stringify({ item_id: itemId }),
    }),
    // Past the transactions the statement count above paid for.
    webhook: (n: number) => ({
      method: 'POST' as const,
      path: '/api/v2/xsolla',
      ...paymentWebhook(1_000_000 + n, USERS),
    }),
  }[kind];
}

async function main(): Promise<void> {
  const kind = process.argv[2] ?? 'read';
  if (!(KINDS as readonly string[]).includes(kind)) throw new Error(`KIND is one of ${KINDS.join(', ')}, not ${kind}`);
  const database = await createBenchDatabase(USERS);
  const profiles = mkdtempSync(join(tmpdir(), 'forte-profile-'));
  try {
    const report = await statementsPerRequest(database.url, database.token, database.itemId);
    if (kind === 'purchase') report.push('', ...(await purchaseCpuSplit(database, SECONDS)));
    const forte = await forkServer(join(__dirname, 'forte-server.js'), [], {
      execArgv: ['--cpu-prof', `--cpu-prof-dir=${profiles}`],
      env: {
        ACCESS_LOG: 'off',
        LOG_LEVEL: 'warn',
        DATABASE_POOL_SIZE: '32',
        DATABASE_URL: database.url,
        XSOLLA_PROJECT_SECRET: BENCH_XSOLLA_SECRET,
      },
    });
    const request = requestsOf(kind as Kind, database.itemId);
    const result = await load({
      origin: forte.origin,
      token: database.token,
      connections: 32,
      seconds: SECONDS,
      request,
    });
    await forte.stop();
    const [file] = readdirSync(profiles);
    const profile = JSON.parse(readFileSync(join(profiles, file as string), 'utf8')) as CpuProfile;
    process.stdout.write(
      [
        ...report,
        '',
        `${kind}: ${result.perSecond.toFixed(0)}/s under the profiler; self time by place, then by function:`,
        ...hottest(profile, 15, (frame) => placeOf(frame.url)),
        '',
        "Forte's own functions, inclusive:",
        ...ownInclusive(profile, 30),
        '',
        ...hottest(
          profile,
          40,
          ({ functionName, url, lineNumber }) =>
            `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}`,
        ),
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(profiles, { recursive: true, force: true });
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-profile: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 2;
});
