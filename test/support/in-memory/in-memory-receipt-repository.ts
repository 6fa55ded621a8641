import { PageRequest } from '../../../src/application/ports/page-request';
import { ReceiptPage, ReceiptRepository } from '../../../src/application/ports/receipt-repository';
import { Receipt } from '../../../src/domain/receipt';
import { copyOrNull } from './copy-or-null';
import { InMemoryState } from './in-memory-state';
import { newestFirstPage } from './newest-first-page';

export class InMemoryReceiptRepository implements ReceiptRepository {
  constructor(private readonly state: InMemoryState) {}

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
