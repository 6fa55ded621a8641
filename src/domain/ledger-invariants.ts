/**
 * The invariants of the ledger (PRODUCT.md §5, `forte-cli audit`): what a user's receipts and balance must satisfy
 * whatever happened to them, so that a hand edit in SQL or a bug that bypassed the ledger shows.
 */
export const LEDGER_INVARIANTS = [
  /** The stored balance is the sum of the user's receipts. */
  'balance_is_sum_of_receipts',
  /** No balance below zero, unless the receipt that took it there is a flagged debt (a forced Xsolla reversal). */
  'no_negative_balance_but_debts',
  /** Each receipt's balance after is its balance before plus its delta. */
  'receipt_adds_up',
  /** Each receipt starts where the user's previous one ended (the first at 0). */
  'receipt_chain_unbroken',
  /** A receipt is flagged a debt exactly when it leaves the balance below zero. */
  'debt_flag_matches_balance',
  /** An item bought with points is tied to its own user's purchase receipt, for the price it records. */
  'user_item_tied_to_receipt',
] as const;

export type LedgerInvariant = (typeof LEDGER_INVARIANTS)[number];

export interface Violation {
  invariant: LedgerInvariant;
  userId: number;
  receiptId?: number;
  userItemId?: number;
  details: Record<string, unknown>;
}

export interface ReceiptInChain {
  id: number;
  userId: number;
  delta: number;
  balanceBefore: number;
  balanceAfter: number;
  debt: boolean;
}

/** The violations of one receipt, given the balance the user's previous receipt ended at (0 for the first). */
export function receiptViolations(receipt: ReceiptInChain, previousBalance: number): Violation[] {
  const at = { userId: receipt.userId, receiptId: receipt.id };
  const violations: Violation[] = [];
  if (receipt.balanceBefore + receipt.delta !== receipt.balanceAfter) {
    violations.push({ invariant: 'receipt_adds_up', ...at, details: { ...amounts(receipt) } });
  }
  if (receipt.balanceBefore !== previousBalance) {
    violations.push({
      invariant: 'receipt_chain_unbroken',
      ...at,
      details: { expected_balance_before: previousBalance, ...amounts(receipt) },
    });
  }
  if (receipt.debt !== receipt.balanceAfter < 0) {
    violations.push({
      invariant: 'debt_flag_matches_balance',
      ...at,
      details: { debt: receipt.debt, balance_after: receipt.balanceAfter },
    });
  }
  return violations;
}

/** The violations of a user's stored balance, given the sum of its receipts and the last one (null: none). */
export function balanceViolations(
  user: { id: number; points: number },
  receiptSum: number,
  last: ReceiptInChain | null,
): Violation[] {
  const violations: Violation[] = [];
  if (user.points !== receiptSum) {
    violations.push({
      invariant: 'balance_is_sum_of_receipts',
      userId: user.id,
      details: { points: user.points, sum_of_receipts: receiptSum },
    });
  }
  if (user.points < 0 && !(last?.debt ?? false)) {
    violations.push({ invariant: 'no_negative_balance_but_debts', userId: user.id, details: { points: user.points } });
  }
  return violations;
}

const amounts = (receipt: ReceiptInChain) => ({
  balance_before: receipt.balanceBefore,
  delta: receipt.delta,
  balance_after: receipt.balanceAfter,
});

/** A user item and what its receipt says (null when the receipt it names does not exist). */
export interface UserItemWithReceipt {
  id: number;
  userId: number;
  receiptId: number | null;
  pricePaid: number;
  acquiredVia: 'points' | 'xsolla';
  receipt: { userId: number; kind: string; delta: number } | null;
}

/** An item bought with points names its user's purchase receipt of its price; any item names only its own user's. */
export function userItemViolations(item: UserItemWithReceipt): Violation[] {
  const { receipt } = item;
  const tied =
    item.acquiredVia === 'points'
      ? receipt !== null &&
        receipt.userId === item.userId &&
        receipt.kind === 'purchase' &&
        receipt.delta === -item.pricePaid
      : item.receiptId === null || (receipt !== null && receipt.userId === item.userId);
  if (tied) return [];
  return [
    {
      invariant: 'user_item_tied_to_receipt',
      userId: item.userId,
      userItemId: item.id,
      ...(item.receiptId === null ? {} : { receiptId: item.receiptId }),
      details: { acquired_via: item.acquiredVia, price_paid: item.pricePaid, receipt: receipt ?? null },
    },
  ];
}
