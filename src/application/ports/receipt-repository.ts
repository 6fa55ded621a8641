import { Receipt } from '../../domain/receipt';
import { PageRequest } from './page-request';

export interface ReceiptPage {
  receipts: Receipt[];
  /** True when older receipts follow the last one. */
  more: boolean;
}

/** The ledger's receipts, as written by `Ledger.post` (the only way to add one). */
export interface ReceiptRepository {
  findById(userId: number, receiptId: number): Promise<Receipt | null>;
  /** Newest first; `beforeId` continues after the last receipt of the previous page. */
  listByUser(userId: number, page: PageRequest): Promise<ReceiptPage>;
}
