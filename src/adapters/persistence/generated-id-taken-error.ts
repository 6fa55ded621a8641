/**
 * An insert met a row under the id the database generated for it. MySQL's auto-increment never hands out a taken id
 * on one server, but a Galera node may while the cluster changes its membership (each node's
 * `auto_increment_increment` and `auto_increment_offset` change with the cluster's size: MDEV-7129). A plain insert
 * then fails with a duplicate primary key; an `INSERT … ON DUPLICATE KEY UPDATE` would silently update that other
 * row, which `insertOrLock` prevents and reports as this error. Either way nothing of the insert was written and the
 * transaction may run again: the next id is free.
 */
export class GeneratedIdTakenError extends Error {
  constructor(table: string) {
    super(`The id generated for a new row of ${table} belongs to another row`);
    this.name = 'GeneratedIdTakenError';
  }
}
