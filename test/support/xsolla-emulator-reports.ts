/** A payment the emulator knows, as its transactions search reports it. */
export interface EmulatedTransaction {
  id: number;
  userId: string;
  points: number;
  items: { sku: string; amount: number }[];
  /** What the user paid, as a decimal string. */
  amount: string;
  currency: string;
  status: 'done' | 'canceled';
  refundReason: string | null;
  /** Points taken back by partial refunds. */
  refundedPoints: number;
  createdAt: Date;
  dryRun: boolean;
}

/** A paid transaction of now in USD, a tenth of a dollar a point unless `amount` says otherwise. */
export const aPaidTransaction = (
  fields: Pick<EmulatedTransaction, 'id' | 'points'> & { userId: number } & Partial<
      Omit<EmulatedTransaction, 'userId'>
    >,
): EmulatedTransaction => ({
  items: [],
  amount: (fields.points / 10).toFixed(2),
  currency: 'USD',
  status: 'done',
  refundReason: null,
  refundedPoints: 0,
  createdAt: new Date(),
  dryRun: true,
  ...fields,
  userId: String(fields.userId),
});

const day = (at: Date): string => at.toISOString().slice(0, 10);

/** One transaction in the shape of `reports/transactions/search.json` (XSOLLA.md, and its fixture). */
export function searchEntry(transaction: EmulatedTransaction, projectId: string): Record<string, unknown> {
  return {
    transaction: {
      id: transaction.id,
      external_id: `forte-${transaction.id}`,
      create_date: day(transaction.createdAt),
      transfer_date: transaction.status === 'done' ? day(transaction.createdAt) : null,
      status: transaction.status,
      dry_run: transaction.dryRun ? 1 : 0,
      is_refund_allowed: transaction.status === 'done' ? 1 : 0,
      refund_reason: transaction.refundReason,
      payment_method: { id: 1380, name: 'Credit/Debit Card' },
      project: { id: Number(projectId), name: 'Forte' },
    },
    user: { id: transaction.userId, name: 'Xsolla User', email: null, country: 'KR', phone: null, custom: null },
    purchase: {
      virtual_currency: { amount: transaction.points, name: 'Points' },
      virtual_items: transaction.items.length === 0 ? null : transaction.items,
      simple_checkout: { amount: null, currency: null },
      subscription: { name: null },
      pin_codes: { amount: null, content: null, currency: null },
    },
    payment_details: {
      payment: {
        amount: Number(transaction.amount),
        amount_from_ps: Number(transaction.amount),
        currency: transaction.currency,
      },
      sales_tax: { amount: 0, percent: 0 },
    },
    payment_system: { decline_reason: null },
  };
}

/** The transactions a search or registry query selects (dates inclusive, `YYYY-MM-DD` or ISO), with paging. */
export function selectTransactions(all: EmulatedTransaction[], query: URLSearchParams): EmulatedTransaction[] {
  const from = query.get('datetime_from');
  const to = query.get('datetime_to');
  const picked = all.filter(
    (transaction) =>
      (from === null || day(transaction.createdAt) >= from.slice(0, 10)) &&
      (to === null || day(transaction.createdAt) <= to.slice(0, 10)) &&
      (query.get('user_id') === null || transaction.userId === query.get('user_id')) &&
      (query.get('transaction_id') === null || String(transaction.id) === query.get('transaction_id')) &&
      (query.get('external_id') === null || `forte-${transaction.id}` === query.get('external_id')) &&
      (query.get('status') === null || transaction.status === query.get('status')) &&
      (query.get('show_dry_run') !== '0' || !transaction.dryRun),
  );
  const offset = Number(query.get('offset') ?? 0);
  const limit = Number(query.get('limit') ?? picked.length);
  return picked.slice(offset, offset + limit);
}

const CSV_COLUMNS = [
  'transaction_id',
  'external_id',
  'create_date',
  'status',
  'user_id',
  'virtual_currency',
  'amount',
  'currency',
];

/** The CSV export: the same facts, one row per transaction. */
export function transactionsCsv(transactions: EmulatedTransaction[]): string {
  const rows = transactions.map((transaction) =>
    [
      transaction.id,
      `forte-${transaction.id}`,
      day(transaction.createdAt),
      transaction.status,
      transaction.userId,
      transaction.points,
      transaction.amount,
      transaction.currency,
    ].join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\n')}\n`;
}
