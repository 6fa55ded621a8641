import { Gauge, Registry } from 'prom-client';
import { FinishedRun } from '../../application/ports/reconciliation-repository';

/**
 * `forte_reconciliation_mismatches` and `forte_reconciliation_last_run_timestamp_seconds`: the last finished
 * `forte-cli reconcile` run, read from the database at each scrape (the CLI's process is gone by then), once for
 * both. Absent until a run has finished; a scrape while the database is away keeps the last figures.
 */
export function reconciliationGauge(registry: Registry, lastRun: () => Promise<FinishedRun | null>): void {
  // A scrape collects every metric at once: both gauges share the one read in flight.
  let reading: Promise<FinishedRun | null> | null = null;
  const read = (): Promise<FinishedRun | null> => {
    reading ??= lastRun()
      .catch(() => null)
      .finally(() => (reading = null));
    return reading;
  };
  const gauge = (name: string, help: string, figure: (run: FinishedRun) => number): void => {
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const run = await read();
        if (run) this.set(figure(run));
      },
    });
  };
  gauge(
    'forte_reconciliation_mismatches',
    'Discrepancies between Forte and Xsolla found by the last finished forte-cli reconcile run',
    (run) => run.mismatches,
  );
  gauge(
    'forte_reconciliation_last_run_timestamp_seconds',
    'When the last forte-cli reconcile run finished (Unix time)',
    (run) => run.finishedAt.getTime() / 1000,
  );
}
