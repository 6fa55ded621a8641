import { Knex } from 'knex';

/** How a process uses its database connections right now, for `/metrics`. */
export interface PoolUsage {
  used: number;
  idle: number;
  /** Queries waiting for a connection: a full pool, or one that cannot connect. */
  pending: number;
  max: number;
}

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}

/** The sum over the pools (one on MySQL; writes and reads on SQLite); a pool not yet created counts nothing. */
export function poolUsage(pools: readonly Knex[]): PoolUsage {
  const usage: PoolUsage = { used: 0, idle: 0, pending: 0, max: 0 };
  for (const knex of new Set(pools)) {
    const pool = knex.client.pool as TarnPool | undefined;
    if (!pool) continue;
    usage.used += pool.numUsed();
    usage.idle += pool.numFree();
    usage.pending += pool.numPendingAcquires();
    usage.max += pool.max;
  }
  return usage;
}
