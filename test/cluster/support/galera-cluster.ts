import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import knexFactory from 'knex';
import { runProcess } from '../../support/run-process';

/**
 * The local 3-node Galera cluster of `scripts/galera-cluster.sh` (started by the cluster suite's global set-up):
 * its nodes' addresses, and the faults a test inflicts on a node.
 */
export const GALERA_NODES = [1, 2, 3] as const;
export type GaleraNode = (typeof GALERA_NODES)[number];

const PORT_BASE = Number(process.env.GALERA_PORT_BASE ?? 24400);
/** The script in the repository, found from here whether this runs as source (jest) or compiled (dist/, a bench). */
const SCRIPT = ((): string => {
  for (let folder = __dirname; folder !== dirname(folder); folder = dirname(folder)) {
    const script = join(folder, 'scripts/galera-cluster.sh');
    if (existsSync(script)) return script;
  }
  throw new Error('scripts/galera-cluster.sh not found above ' + __dirname);
})();

/** `mysql://root@127.0.0.1:PORT` of node n, without a database. */
export const nodeServerUrl = (node: GaleraNode): string => `mysql://root@127.0.0.1:${PORT_BASE + node}`;

/** The same database, reached through node n. */
export const onNode = (databaseUrl: string, node: GaleraNode): string =>
  `${nodeServerUrl(node)}${new URL(databaseUrl).pathname}`;

/** Runs `galera-cluster.sh` with these arguments, without blocking the test's own servers and clients. */
export async function galeraCluster(...args: string[]): Promise<void> {
  const outcome = await runProcess(SCRIPT, args, { timeoutMs: 300_000 });
  if (outcome.code !== 0) throw new Error(`galera-cluster.sh ${args.join(' ')} failed:\n${outcome.stderr}`);
}

/** kill -9 of node n's mariadbd, as a crash would. */
export const crashNode = (node: GaleraNode): Promise<void> => galeraCluster('kill', String(node));

/** Starts node n again; answers once it has rejoined (by IST or a full state transfer) and is synced. */
export const restartNode = (node: GaleraNode): Promise<void> => galeraCluster('start', String(node));

/** What node n says of itself: `wsrep_ready`, `wsrep_cluster_status`, `wsrep_cluster_size`, ... */
export async function wsrepStatus(node: GaleraNode): Promise<Record<string, string>> {
  return withNode(node, async (knex) => {
    const [rows] = (await knex.raw("SHOW GLOBAL STATUS LIKE 'wsrep%'")) as [{ Variable_name: string; Value: string }[]];
    return Object.fromEntries(rows.map((row) => [row.Variable_name, row.Value]));
  });
}

/**
 * Cuts node n off from the others (`gmcast.isolate`) or lets it back: cut off, it keeps answering SQL but is no
 * longer part of the primary component, and refuses every table.
 */
export const isolateNode = (node: GaleraNode, isolated: boolean): Promise<void> =>
  withNode(node, async (knex) => {
    await knex.raw(`SET GLOBAL wsrep_provider_options = 'gmcast.isolate=${isolated ? 1 : 0}'`);
  });

async function withNode<T>(node: GaleraNode, work: (knex: knexFactory.Knex) => Promise<T>): Promise<T> {
  const knex = knexFactory({
    client: 'mysql2',
    connection: nodeServerUrl(node),
    pool: { min: 0, max: 1 },
    // A node that is down is an answer here (the set-up asks whether the cluster is up), not a warning to print.
    log: { warn: () => undefined },
  });
  try {
    return await work(knex);
  } finally {
    await knex.destroy();
  }
}
