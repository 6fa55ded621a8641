import { isLosslessNumber } from 'lossless-json';
import { ReconciliationInputError } from '../../application/ports/reported-transaction-source';
import { ReportedTransaction } from '../../domain/reconciliation';
import { SkuCount, wholePointsOf } from '../../domain/xsolla-notification';

/** A transaction's field by its dotted JSON path (`transaction.id`); undefined when it is absent. */
export type FieldReader = (path: string) => unknown;

/**
 * One transaction of Xsolla's transactions search (`search.json`, XSOLLA.md), or a row of its CSV export, read
 * through its fields' dotted paths, as the facts a reconciliation compares. Numbers may arrive as JSON numbers, as
 * lossless numbers or as strings ("10", "4.99"); ids and amounts are kept as their digits. `where` names the row
 * in an error (only then is it called).
 */
export function reportedTransactionOf(field: FieldReader, where: () => string): ReportedTransaction {
  const fault = (path: string, expected: string, id?: string): ReconciliationInputError =>
    new ReconciliationInputError(
      'MALFORMED_ROW',
      `${where()}: ${path} ${expected}, found ${JSON.stringify(textOf(field(path)) ?? null)}` +
        (id === undefined ? '' : ` (transaction ${id})`),
    );

  const transactionId = textOf(field('transaction.id'));
  if (transactionId === null || !TRANSACTION_ID.test(transactionId)) {
    throw fault('transaction.id', 'must be a transaction id (digits)');
  }
  const paymentDate = field('transaction.payment_date');
  const datePath = paymentDate === undefined ? 'transaction.create_date' : 'transaction.payment_date';
  const date = textOf(paymentDate ?? field(datePath))?.slice(0, 10) ?? '';
  if (!DATE.test(date)) throw fault(datePath, 'must be a date YYYY-MM-DD', transactionId);

  const status = textOf(field('transaction.status'));
  if (status === null || !STATUS.test(status)) throw fault('transaction.status', 'must be a status', transactionId);

  const userRef = textOf(field('user.id'));
  if (userRef === null || userRef === '') throw fault('user.id', 'must name the user', transactionId);

  const pointsText = textOf(field('purchase.virtual_currency.amount'));
  const points = pointsText === null || pointsText === '' ? 0 : wholePointsOf(pointsText);
  if (points === null || points < 0) {
    throw fault('purchase.virtual_currency.amount', 'must be a whole number of points', transactionId);
  }

  const amount = textOf(field('payment_details.payment.amount'));
  const currency = textOf(field('payment_details.payment.currency'));
  if (amount !== null && amount !== '' && !AMOUNT.test(amount)) {
    throw fault('payment_details.payment.amount', 'must be a decimal amount', transactionId);
  }
  const items = field('purchase.virtual_items');
  return {
    transactionId,
    userRef,
    date,
    status,
    points,
    items:
      items === undefined || items === null || items === ''
        ? []
        : itemsOf(items, () => fault('purchase.virtual_items', 'must list {sku, amount}', transactionId)),
    payment: amount && currency ? { amount, currency } : null,
    dryRun: DRY_RUN.has(textOf(field('transaction.dry_run')) ?? ''),
  };
}

const TRANSACTION_ID = /^[0-9]{1,30}$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const STATUS = /^[a-z_]{1,32}$/;
const AMOUNT = /^-?[0-9]{1,20}(\.[0-9]{1,12})?$/;
const DRY_RUN = new Set(['1', 'true']);

/** The fields of a parsed JSON element, by their dotted paths (each path split once, then remembered). */
export const jsonFields =
  (entry: unknown): FieldReader =>
  (path) =>
    valueAt(entry, path);

const pathKeys = new Map<string, string[]>();

/** `a.b.c` of a nested object; undefined when a step is missing. */
function valueAt(entry: unknown, path: string): unknown {
  let keys = pathKeys.get(path);
  if (keys === undefined) {
    keys = path.split('.');
    pathKeys.set(path, keys);
  }
  let value: unknown = entry;
  for (const key of keys) {
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
