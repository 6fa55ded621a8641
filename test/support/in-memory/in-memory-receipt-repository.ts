import { PageRequest } from '../../../src/application/ports/page-request';
import { ReceiptPage, ReceiptRepository } from '../../../src/application/ports/receipt-repository';
import { Receipt, ReceiptDraft } from '../../../src/domain/receipt';
import { copyOrNull } from './copy-or-null';
import { InMemoryState } from './in-memory-state';
import { newestFirstPage } from './newest-first-page';

export class InMemoryReceiptRepository implements ReceiptRepository {
  constructor(private readonly state: InMemoryState) {}

  append(draft: ReceiptDraft): Promise<Receipt> {
    if (!this.state.users.has(draft.userId)) {
      return Promise.reject(new Error(`A receipt for user ${draft.userId}, who does not exist (foreign key)`));
    }
    this.state.lastIds.receipt += 1;
    const receipt: Receipt = { id: this.state.lastIds.receipt, ...draft };
    this.state.receipts.push(receipt);
    return Promise.resolve(structuredClone(receipt));
  }

  findById(userId: number, receiptId: number): Promise<Receipt | null> {
    const found = this.state.receipts.find((receipt) => receipt.id === receiptId && receipt.userId === userId);
    return Promise.resolve(copyOrNull(found));
  }

  listByUser(userId: number, page: PageRequest): Promise<ReceiptPage> {
    const { records, more } = newestFirstPage(
      this.state.receipts.filter((receipt) => receipt.userId === userId),
      page,
    );
    return Promise.resolve({ receipts: records, more });
  }
}
