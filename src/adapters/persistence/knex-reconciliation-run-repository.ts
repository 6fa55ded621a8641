import { Knex } from 'knex';
import {
  NewReconciliationRun,
  ReconciliationRunOutcome,
  ReconciliationRunRepository,
} from '../../application/ports/reconciliation-repository';
import { insertedId } from './inserted-id';

/** `reconciliation_runs`: a row when a run starts, completed when it ends. */
export class KnexReconciliationRunRepository implements ReconciliationRunRepository {
  constructor(private readonly db: Knex) {}

  async start(run: NewReconciliationRun): Promise<number> {
    return insertedId(
      await this.db('reconciliation_runs').insert({
        window_from: run.windowFrom,
        window_to: run.windowTo,
        source: run.source.slice(0, 255),
        apply: run.apply,
        status: 'running',
        started_at: run.startedAt,
      }),
    );
  }

  async finish(id: number, outcome: ReconciliationRunOutcome): Promise<void> {
    await this.db('reconciliation_runs')
      .where({ id })
      .update({
        status: 'finished',
        mismatches: outcome.mismatches,
        repaired: outcome.repaired,
        needs_human: outcome.needsHuman,
        summary: JSON.stringify(outcome.summary),
        finished_at: outcome.finishedAt,
      });
  }

  async fail(id: number, error: string, at: Date): Promise<void> {
    await this.db('reconciliation_runs')
      .where({ id })
      .update({ status: 'failed', error: error.slice(0, 1000), finished_at: at });
  }
}
