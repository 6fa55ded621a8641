import { Gauge, Registry } from 'prom-client';

/** What the gauges read at each scrape; the composition root hands in the database's own figures. */
export interface PoolFigures {
  used: number;
  idle: number;
  pending: number;
  max: number;
}

/**
 * `forte_db_pool_connections{state}` (used, idle), `forte_db_pool_pending_acquires` and
 * `forte_db_pool_max_connections` of this process, read at each scrape: a pool that stays full, with queries
 * waiting, is the first sign of contention or a database that answers slowly.
 */
export function poolUsageGauges(registry: Registry, figures: () => PoolFigures): void {
  new Gauge({
    name: 'forte_db_pool_connections',
    help: 'Database connections of this process, by state (used, idle)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const { used, idle } = figures();
      this.set({ state: 'used' }, used);
      this.set({ state: 'idle' }, idle);
    },
  });
  new Gauge({
    name: 'forte_db_pool_pending_acquires',
    help: 'Queries of this process waiting for a database connection',
    registers: [registry],
    collect() {
      this.set(figures().pending);
    },
  });
  new Gauge({
    name: 'forte_db_pool_max_connections',
    help: 'Database connections this process may open at most',
    registers: [registry],
    collect() {
      this.set(figures().max);
    },
  });
}
