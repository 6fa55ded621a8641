import {
  Ledger,
  PostedWithReferences,
  ReceiptReferences,
  StaleBalanceError,
} from '../../../src/application/ports/ledger';
import { Receipt, ReceiptDraft } from '../../../src/domain/receipt';
import { InMemoryState } from './in-memory-state';
import { InMemoryUserItemRepository } from './in-memory-user-item-repository';
import { InMemoryXsollaPaymentRepository } from './in-memory-xsolla-payment-repository';

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

  // The unit of work rolls the state back when a write fails, so writing one after the other is writing together.
  async postWith(draft: ReceiptDraft, references: ReceiptReferences): Promise<PostedWithReferences> {
    const receipt = await this.post(draft);
    const { xsollaPayment, userItems = [] } = references;
    if (xsollaPayment) {
      const payments = new InMemoryXsollaPaymentRepository(this.state);
      await payments.insertTransaction({ ...xsollaPayment.transaction, paymentReceiptId: receipt.id }, draft.createdAt);
      const operation = await payments.insertOperation({ ...xsollaPayment.operation, receiptId: receipt.id });
      if (operation === 'duplicate') throw new Error(`Xsolla operation ${xsollaPayment.operation.externalId} exists`);
    }
    const inventory = new InMemoryUserItemRepository(this.state);
    const granted = [];
    for (const userItem of userItems) granted.push(await inventory.insert({ ...userItem, receiptId: receipt.id }));
    return { receipt, userItems: granted };
  }
}
