import { isLosslessNumber } from 'lossless-json';
import { ReconciliationInputError } from '../../application/ports/reported-transaction-source';
import { ReportedTransaction } from '../../domain/reconciliation';
import { SkuCount, wholePointsOf } from '../../domain/xsolla-notification';

/**
 * One transaction of Xsolla's transactions search (`search.json`, XSOLLA.md), or a row of its CSV export read into
 * the same nesting, as the facts a reconciliation compares. Numbers may arrive as JSON numbers, as lossless numbers
 * or as strings ("10", "4.99"); ids and amounts are kept as their digits. `where` names the row in an error.
 */
export function reportedTransactionOf(entry: unknown, where: string): ReportedTransaction {
  const field = (path: string): unknown => valueAt(entry, path);
  const fault = (path: string, expected: string): ReconciliationInputError =>
    new ReconciliationInputError(
      'MALFORMED_ROW',
      `${where}: ${path} ${expected}, found ${JSON.stringify(textOf(field(path)) ?? null)}`,
    );
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new ReconciliationInputError('MALFORMED_ROW', `${where}: a transaction must be an object`);
  }

  const transactionId = textOf(field('transaction.id'));
  if (transactionId === null || !/^[0-9]{1,30}$/.test(transactionId)) {
    throw fault('transaction.id', 'must be a transaction id (digits)');
  }
  const withId = (path: string, expected: string): ReconciliationInputError =>
    new ReconciliationInputError('MALFORMED_ROW', `${fault(path, expected).message} (transaction ${transactionId})`);

  const datePath =
    field('transaction.payment_date') === undefined ? 'transaction.create_date' : 'transaction.payment_date';
  const date = textOf(field(datePath))?.slice(0, 10) ?? '';
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(date)) throw withId(datePath, 'must be a date YYYY-MM-DD');

  const status = textOf(field('transaction.status'));
  if (status === null || !/^[a-z_]{1,32}$/.test(status)) throw withId('transaction.status', 'must be a status');

  const userRef = textOf(field('user.id'));
  if (userRef === null || userRef === '') throw withId('user.id', 'must name the user');

  const pointsText = textOf(field('purchase.virtual_currency.amount'));
  const points = pointsText === null || pointsText === '' ? 0 : wholePointsOf(pointsText);
  if (points === null || points < 0)
    throw withId('purchase.virtual_currency.amount', 'must be a whole number of points');

  const amount = textOf(field('payment_details.payment.amount'));
  const currency = textOf(field('payment_details.payment.currency'));
  if (amount !== null && amount !== '' && !/^-?[0-9]{1,20}(\.[0-9]{1,12})?$/.test(amount)) {
    throw withId('payment_details.payment.amount', 'must be a decimal amount');
  }
  const payment = amount && currency ? { amount, currency } : null;

  return {
    transactionId,
    userRef,
    date,
    status,
    points,
    items: itemsOf(field('purchase.virtual_items'), () => withId('purchase.virtual_items', 'must list {sku, amount}')),
    payment,
    dryRun: ['1', 'true'].includes(textOf(field('transaction.dry_run')) ?? ''),
  };
}

/** `a.b.c` of a nested object; undefined when a step is missing. */
function valueAt(entry: unknown, path: string): unknown {
  let value: unknown = entry;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A scalar as text (numbers as their digits); null for null, absent or a structure. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  if (isLosslessNumber(value)) return value.toString();
  return null;
}

/** `purchase.virtual_items`: null, or `[{sku, amount}]` (possibly under `items`, or as JSON text in a CSV cell). */
function itemsOf(value: unknown, fault: () => Error): SkuCount[] {
  let listed = value;
  if (typeof listed === 'string') {
    if (listed.trim() === '') return [];
    try {
      listed = JSON.parse(listed) as unknown;
    } catch {
      throw fault();
    }
  }
  if (listed === null || listed === undefined) return [];
  if (!Array.isArray(listed)) listed = (listed as { items?: unknown }).items;
  if (!Array.isArray(listed)) throw fault();
  return listed.map((item: unknown) => {
    const sku = textOf(valueAt(item, 'sku'));
    const count = wholePointsOf(textOf(valueAt(item, 'amount')) ?? textOf(valueAt(item, 'quantity')) ?? '');
    if (sku === null || sku === '' || count === null || count < 1) throw fault();
    return { sku, count };
  });
}
