/** The ledger: one append-only receipt for every change of a user's balance. */
export const RECEIPT_KINDS = [
  'xsolla_payment',
  'xsolla_refund',
  'xsolla_balance_operation',
  'purchase',
  'withdrawal',
  'grant',
  'attendance_box',
] as const;

export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

export interface Receipt {
  id: number;
  userId: number;
  kind: ReceiptKind;
  delta: number;
  balanceBefore: number;
  balanceAfter: number;
  reason: string;
  /** Who caused it: `client:<name>`, `xsolla`, `cli`, ... */
  source: string;
  /** Xsolla transaction id, idempotency key, ...; null when there is none. */
  externalRef: string | null;
  /** Set when a forced debit (a Xsolla refund of spent points) left the balance below zero. */
  debt: boolean;
  createdAt: Date;
}

export type ReceiptDraft = Omit<Receipt, 'id'>;
