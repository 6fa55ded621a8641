import { Receipt, ReceiptDraft } from '../../domain/receipt';
import { PageRequest } from './page-request';

export interface ReceiptPage {
  receipts: Receipt[];
  /** True when older receipts follow the last one. */
  more: boolean;
}

/** The append-only ledger. */
export interface ReceiptRepository {
  append(draft: ReceiptDraft): Promise<Receipt>;
  findById(userId: number, receiptId: number): Promise<Receipt | null>;
  /** Newest first; `beforeId` continues after the last receipt of the previous page. */
  listByUser(userId: number, page: PageRequest): Promise<ReceiptPage>;
}
