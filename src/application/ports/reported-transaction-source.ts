import { ReportedTransaction } from '../../domain/reconciliation';

/** The days a reconciliation covers, both included, as `YYYY-MM-DD`. */
export interface ReconciliationDays {
  from: string;
  to: string;
}

/** How far a source has come, against how far it goes as far as it knows (bytes of a file, transactions of the API). */
export type SourceProgress = (done: number, total: number) => void;

/**
 * Xsolla's transactions for a window: its transactions search API, or an export of it (JSON or CSV), read in
 * batches so that memory does not grow with their number. A source that cannot be read, or a row that makes no
 * sense, throws a `ReconciliationInputError` naming the cause or the row.
 */
export interface ReportedTransactionSource {
  /** `api`, or the file's name: recorded with the run. */
  readonly name: string;
  batches(days: ReconciliationDays, progress: SourceProgress): AsyncIterable<ReportedTransaction[]>;
}

/** Why a reconciliation cannot run on its input (its window, its source): `code` for machines, `message` naming the row or the cause. */
export class ReconciliationInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReconciliationInputError';
  }
}
