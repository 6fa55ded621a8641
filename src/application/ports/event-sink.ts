import { Receipt } from '../../domain/receipt';

/** What happened, told to whoever watches (metrics, notifications) once the transaction that did it committed. */
export type ForteEvent =
  | { type: 'LedgerPosted'; receipt: Receipt }
  /** A money-moving request answered from its stored result: nothing moved again. */
  | { type: 'IdempotentReplay'; scope: string };

export interface EventSink {
  /** Must not throw, and must not wait on anything slow: it runs right after a commit, before the answer. */
  publish(event: ForteEvent): void;
}
