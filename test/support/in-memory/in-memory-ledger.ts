import { Ledger, StaleBalanceError } from '../../../src/application/ports/ledger';
import { Receipt, ReceiptDraft } from '../../../src/domain/receipt';
import { InMemoryState } from './in-memory-state';

export class InMemoryLedger implements Ledger {
  constructor(private readonly state: InMemoryState) {}

  post(draft: ReceiptDraft): Promise<Receipt> {
    const user = this.state.users.get(draft.userId);
    if (!user) return Promise.reject(new Error(`A receipt for user ${draft.userId}, who does not exist (foreign key)`));
    if (user.points !== draft.balanceBefore) return Promise.reject(new StaleBalanceError(draft.userId));
    this.state.users.set(user.id, { ...user, points: draft.balanceAfter, updatedAt: draft.createdAt });
    this.state.lastIds.receipt += 1;
    const receipt: Receipt = { id: this.state.lastIds.receipt, ...draft };
    this.state.receipts.push(receipt);
    if (draft.delta !== 0) {
      this.state.lastIds.outbox += 1;
      this.state.outbox.push({ id: this.state.lastIds.outbox, userId: draft.userId, createdAt: draft.createdAt });
    }
    return Promise.resolve(structuredClone(receipt));
  }
}
