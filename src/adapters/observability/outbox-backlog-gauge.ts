import { Gauge, Registry } from 'prom-client';

/**
 * `forte_outbox_backlog`: balance changes not yet mirrored to Xsolla, read from the database at each scrape (every
 * process reports the same database-wide figure). A scrape while the database is away keeps the last figure.
 */
export function outboxBacklogGauge(registry: Registry, backlog: () => Promise<number>): void {
  new Gauge({
    name: 'forte_outbox_backlog',
    help: 'Balance changes waiting to be mirrored to Xsolla (outbox rows)',
    registers: [registry],
    async collect() {
      try {
        this.set(await backlog());
      } catch {
        // The figure of the previous scrape stands; /ready says the database is away.
      }
    },
  });
}
