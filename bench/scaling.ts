/*
 * `make bench-scaling`: the same loads on one Forte process and one MariaDB, on several processes sharing it, and on
 * the local 3-node Galera cluster (brought up when it is not, and left up: `make cluster-down` stops it). Prints a
 * table for the README's "Scaling" section. BENCH_SECONDS sets each measurement's length.
 */
import { join } from 'node:path';
import { galeraCluster, GALERA_NODES, nodeServerUrl, onNode } from '../test/cluster/support/galera-cluster';
import { BenchDatabase, createBenchDatabase } from './api/bench-database';
import { ChildServer, forkServer } from './api/child-server';
import { load, LoadResult } from './api/load';

const USERS = 2000;
const CLIENTS = 30;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const SINGLE_SERVER = (process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');

interface Setup {
  name: string;
  database: 'single' | 'galera';
  processes: number;
}

const SETUPS: Setup[] = [
  { name: '1 process, one MariaDB', database: 'single', processes: 1 },
  { name: '2 processes, one MariaDB', database: 'single', processes: 2 },
  { name: '3 processes, one MariaDB', database: 'single', processes: 3 },
  { name: '1 process, Galera node 1', database: 'galera', processes: 1 },
  { name: '3 processes, one per Galera node', database: 'galera', processes: 3 },
];

type Work = (n: number, itemId: number) => { method: 'GET' | 'POST'; path: string; body?: string };

const userPath = (n: number): string => `/api/v2/users/${1 + (n % USERS)}`;

const WORKS: Record<string, Work> = {
  'read (GET /users/{id})': (n) => ({ method: 'GET', path: userPath(n) }),
  'purchase, 2000 users': (n, itemId) => ({
    method: 'POST',
    path: `${userPath(n)}/items`,
    body: JSON.stringify({ item_id: itemId }),
  }),
  'grant, one hot user': () => ({ method: 'POST', path: '/api/v2/users/1/points', body: '{"points":1}' }),
};

/** The loads of one work on every process at once, the clients shared out between them; answers the sum. */
async function loadAll(servers: ChildServer[], database: BenchDatabase, work: Work, seconds: number) {
  const results = await Promise.all(
    servers.map((server) =>
      load({
        origin: server.origin,
        token: database.token,
        connections: CLIENTS / servers.length,
        seconds,
        request: (n) => work(n, database.itemId),
      }),
    ),
  );
  const statuses: Record<string, number> = {};
  for (const result of results) {
    for (const [status, count] of Object.entries(result.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
  }
  return {
    perSecond: results.reduce((sum, result: LoadResult) => sum + result.perSecond, 0),
    p99Ms: Math.max(...results.map((result) => result.p99Ms)),
    statuses,
  };
}

async function measure(setup: Setup, database: BenchDatabase): Promise<string[]> {
  const urlOf = (n: number) => (setup.database === 'single' ? database.url : onNode(database.url, GALERA_NODES[n]!));
  const servers = await Promise.all(
    Array.from({ length: setup.processes }, (_, n) =>
      forkServer(join(__dirname, 'api/forte-server.js'), [], {
        env: { ACCESS_LOG: 'off', LOG_LEVEL: 'error', DATABASE_POOL_SIZE: '32', DATABASE_URL: urlOf(n) },
      }),
    ),
  );
  try {
    const rows: string[] = [];
    for (const [name, work] of Object.entries(WORKS)) {
      await loadAll(servers, database, work, 2);
      const result = await loadAll(servers, database, work, SECONDS);
      const refused = Object.entries(result.statuses)
        .filter(([status]) => !status.startsWith('2'))
        .map(([status, count]) => `${count} × ${status}`)
        .join(', ');
      rows.push(
        `| ${setup.name} | ${name} | ${result.perSecond.toFixed(0)}/s | ${result.p99Ms.toFixed(0)} ms | ${refused || 'none'} |`,
      );
    }
    return rows;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

async function main(): Promise<void> {
  await galeraCluster('up');
  const databases = {
    single: await createBenchDatabase(USERS, SINGLE_SERVER),
    galera: await createBenchDatabase(USERS, nodeServerUrl(1)),
  };
  try {
    const rows: string[] = [];
    for (const setup of SETUPS) rows.push(...(await measure(setup, databases[setup.database])));
    process.stdout.write(
      [
        `${CLIENTS} keep-alive clients shared out between the processes, ${SECONDS} s each, ${USERS} users, access log off`,
        '| setup | work | answers | p99 | not 2xx |',
        '|---|---|---|---|---|',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    await Promise.all([databases.single.drop(), databases.galera.drop()]);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-scaling: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 2;
});
