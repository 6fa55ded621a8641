import { Database } from './database';

/** A Galera node's own word on whether it takes queries (`SHOW GLOBAL STATUS`), by variable name. */
const GALERA_STATUS = "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_ready', 'wsrep_cluster_status')";

/**
 * Whether the database takes queries. A node of a Galera cluster that is not in the primary component (cut off
 * from the others, or still catching up after a restart) answers `SELECT 1` but refuses every table, so on a node
 * with `wsrep_on` it must also be ready and part of the primary component. Throws when the database does not answer.
 * The answer feeds the database's breaker: ready ends an outage at once, for the requests that follow as for
 * `/ready` (rather than at the next unit of work let through to try it).
 */
export async function isDatabaseReady(database: Database): Promise<boolean> {
  try {
    const ready = await takesQueries(database);
    if (ready) database.breaker.succeeded();
    return ready;
  } catch (error) {
    database.breaker.failed(error);
    throw error;
  }
}

async function takesQueries(database: Database): Promise<boolean> {
  if (database.dialect === 'sqlite') {
    await database.knex.raw('SELECT 1');
    return true;
  }
  const [wsrep] = (await database.knex.raw("SHOW GLOBAL VARIABLES LIKE 'wsrep_on'")) as [StatusRow[]];
  if (wsrep[0]?.Value !== 'ON') return true;
  const [rows] = (await database.knex.raw(GALERA_STATUS)) as [StatusRow[]];
  const status = new Map(rows.map((row) => [row.Variable_name, row.Value]));
  return status.get('wsrep_ready') === 'ON' && status.get('wsrep_cluster_status') === 'Primary';
}

interface StatusRow {
  Variable_name: string;
  Value: string;
}
