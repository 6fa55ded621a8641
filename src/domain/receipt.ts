import { fitsLength, isWellFormedText } from './text';

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

/** The longest texts a receipt holds; its columns hold at least this many characters. */
export const RECEIPT_TEXT_LIMITS = { reason: 512, source: 100, externalRef: 255 } as const;

/** A receipt whose texts would not fit is a bug in whatever composed them (a reason is built, not typed in). */
export function assertReceiptTextsFit(draft: ReceiptDraft): void {
  const texts = { reason: draft.reason, source: draft.source, externalRef: draft.externalRef ?? '' };
  for (const [field, limit] of Object.entries(RECEIPT_TEXT_LIMITS)) {
    const text = texts[field as keyof typeof texts];
    if (!fitsLength(text, limit) || !isWellFormedText(text)) {
      throw new Error(
        `A receipt's ${field} must be well-formed and at most ${limit} characters: ${text.slice(0, 40)}…`,
      );
    }
  }
}
