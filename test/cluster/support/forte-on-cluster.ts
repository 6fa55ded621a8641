import knexFactory, { Knex } from 'knex';
import { SCOPES } from '../../../src/domain/scope';
import { eventually } from '../../support/eventually';
import { runCli } from '../../support/forte-cli';
import { serveForte, ServedForte } from '../../support/served-forte';
import { XsollaEmulator } from '../../support/xsolla-emulator';
import { galeraCluster, GALERA_NODES, onNode } from './galera-cluster';

/** Forte on the cluster: one `forte-cli serve` per node, all on one database, their balance mirrors on one emulator. */
export interface ForteOnCluster {
  forte: ServedForte;
  emulator: XsollaEmulator;
  /** The database's URL through node n (1, 2 or 3). */
  urlOn(node: (typeof GALERA_NODES)[number]): string;
  /** What server n (0, 1 or 2) wrote on standard error so far. */
  stderrOf(server: number): string;
  stop(): Promise<void>;
}

/**
 * Two cores running three nodes, three servers and the clients can take seconds to open a connection when a burst
 * meets an empty pool; this suite is about Galera, so a slow connection waits rather than counting as an outage.
 */
const CONNECT_TIMEOUT_MS = 20_000;

/**
 * Forte on the whole cluster: a node that an earlier test file left down or still rejoining (it failed midway) is
 * brought back and synced first.
 */
export async function serveOnCluster(env: Record<string, string> = {}): Promise<ForteOnCluster> {
  await galeraCluster('up');
  const emulator = await XsollaEmulator.start();
  const forte = await serveForte(GALERA_NODES.length, {
    scopes: SCOPES.join(','),
    env: {
      ...emulator.env(),
      XSOLLA_MIRROR_INTERVAL_MS: '50',
      DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      ...env,
    },
    databaseUrl: (url, process) => onNode(url, GALERA_NODES[process]!),
    connection: { connectTimeoutMs: CONNECT_TIMEOUT_MS },
  }).catch(async (error: unknown) => {
    await emulator.close();
    throw error;
  });
  return {
    forte,
    emulator,
    urlOn: (node) => onNode(forte.database.url, node),
    stderrOf: (server) => forte.servers[server]!.stderr(),
    async stop() {
      await forte.stop();
      await emulator.close();
    },
  };
}

/** `forte-cli audit --json` through node n: the ledger's invariants as that node holds it. */
export function auditThrough(cluster: ForteOnCluster, node: (typeof GALERA_NODES)[number]): unknown {
  const run = runCli(['audit', '--json'], { env: { DATABASE_URL: cluster.urlOn(node) } });
  if (run.status !== 0 && run.stdout === '') throw new Error(`audit through node ${node} failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Runs `work` on the test's database through node n, on a connection of its own. */
export async function throughNode<T>(
  cluster: ForteOnCluster,
  node: (typeof GALERA_NODES)[number],
  work: (knex: Knex) => Promise<T>,
): Promise<T> {
  const knex = knexFactory({ client: 'mysql2', connection: cluster.urlOn(node), pool: { min: 0, max: 1 } });
  try {
    return await work(knex);
  } finally {
    await knex.destroy();
  }
}

/** Waits until Xsolla's copy of each of these wallets is the user's balance and the outbox is empty. */
export async function mirrorsConverged(cluster: ForteOnCluster, userIds: number[]): Promise<void> {
  const { knex } = cluster.forte.database;
  await eventually(async () => {
    const balances = (await knex('users').whereIn('id', userIds).select('id', 'points')) as {
      id: string;
      points: string;
    }[];
    const [outbox] = await knex('xsolla_outbox').count({ n: '*' });
    return (
      Number(outbox?.n) === 0 &&
      balances.every(({ id, points }) => (cluster.emulator.wallets.get(String(id)) ?? 0) === Number(points))
    );
  }, 60_000);
}
