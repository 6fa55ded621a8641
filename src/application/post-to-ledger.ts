import { Receipt, ReceiptDraft } from '../domain/receipt';
import { EventSink } from './ports/event-sink';
import { Transaction } from './ports/unit-of-work';

/** Posts a decided balance change (balance and receipt in one guarded write), announced once it committed. */
export async function postToLedger(tx: Transaction, events: EventSink, receipt: ReceiptDraft): Promise<Receipt> {
  const posted = await tx.ledger.post(receipt);
  tx.afterCommit(() => events.publish({ type: 'LedgerPosted', receipt: posted }));
  return posted;
}
