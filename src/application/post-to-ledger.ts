import { Receipt, ReceiptDraft } from '../domain/receipt';
import { PostedWithReferences, ReceiptReferences } from './ports/ledger';
import { EventSink } from './ports/event-sink';
import { Transaction } from './ports/unit-of-work';

/** Posts a decided balance change (balance and receipt in one guarded write), announced once it committed. */
export async function postToLedger(tx: Transaction, events: EventSink, receipt: ReceiptDraft): Promise<Receipt> {
  return (await postToLedgerWith(tx, events, receipt, {})).receipt;
}

/**
 * Posts a decided balance change with the new rows that name its receipt, all in one write (`Ledger.postWith`): the
 * work may make it its last (`commitWith`).
 */
export async function postToLedgerWith(
  tx: Transaction,
  events: EventSink,
  receipt: ReceiptDraft,
  references: ReceiptReferences,
): Promise<PostedWithReferences> {
  const posted = await tx.ledger.postWith(receipt, references);
  tx.afterCommit(() => events.publish({ type: 'LedgerPosted', receipt: posted.receipt }));
  return posted;
}
