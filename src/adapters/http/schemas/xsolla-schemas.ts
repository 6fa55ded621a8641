import { z } from 'zod';
import {
  MAX_GRANTED_ITEMS,
  SkuCount,
  XsollaGoods,
  XsollaMoney,
  XsollaNotification,
  wholePointsOf,
} from '../../../domain/xsolla-notification';

/** Xsolla's error body. */
export const XsollaErrorResponse = z
  .object({ error: z.object({ code: z.string().meta({ example: 'INVALID_SIGNATURE' }), message: z.string() }) })
  .meta({ id: 'XsollaError' });

// The body is read with every JSON number kept as its digits (a string), so `1` and `"1"` read alike and ids
// beyond 2^53 keep every digit; no amount ever becomes a float.

/** An id of Xsolla's (a transaction id, `id_operation`, an invoice id): printable, up to 64 characters. */
const xsollaId = z.string().regex(/^[\x21-\x7e]{1,64}$/, { error: 'must be an id of 1-64 printable characters' });
const userRef = z.string().min(1).max(255);
const sku = z.string().min(1).max(255);
const wholeNumber = z
  .string({ error: 'must be a whole number' })
  .regex(/^[0-9]{1,15}$/, { error: 'must be a whole number' })
  .transform(Number);
/** Xsolla writes balances as decimals ("200", "200.00"); points are whole. */
const signedWholeNumber = z
  .string({ error: 'must be a whole number' })
  .refine((text) => wholePointsOf(text) !== null, { error: 'must be a whole number' })
  .transform((text) => wholePointsOf(text) ?? 0);
const decimal = z.string().regex(/^-?[0-9]{1,20}(\.[0-9]{1,10})?$/, { error: 'must be a decimal number' });
/** `dry_run`: 1, "1" or true. */
const flag = z
  .union([z.string(), z.boolean()])
  .nullish()
  .transform((value) => value === true || value === '1' || value === 'true');

const money = z.object({ amount: decimal, currency: z.string().min(1).max(32) });
const paymentDetails = z.object({ payment: money.nullish() }).nullish();

const purchase = z
  .object({
    virtual_currency: z.object({ quantity: wholeNumber }).nullish(),
    virtual_items: z.object({ items: z.array(z.object({ sku, amount: wholeNumber })) }).nullish(),
  })
  .nullish()
  .transform((bought): XsollaGoods => ({
    points: bought?.virtual_currency?.quantity ?? 0,
    items: (bought?.virtual_items?.items ?? []).map(({ sku: name, amount }) => ({ sku: name, count: amount })),
  }));

/** What a notification may grant at once: more would be a mistake, not a purchase. */
const withinItemLimit = (goods: XsollaGoods): boolean =>
  goods.items.reduce((total, { count }) => total + count, 0) <= MAX_GRANTED_ITEMS;
const ITEM_LIMIT = { error: `must grant at most ${MAX_GRANTED_ITEMS} items`, path: ['purchase'] };

const paymentOf = (details: z.output<typeof paymentDetails>): XsollaMoney | null => details?.payment ?? null;

type Read = Omit<XsollaNotification, 'type'>;

const payment = z
  .object({
    user: z.object({ id: userRef }),
    transaction: z.object({ id: xsollaId, dry_run: flag }),
    purchase,
    payment_details: paymentDetails,
  })
  .refine(({ purchase: goods }) => withinItemLimit(goods), ITEM_LIMIT)
  .transform((body): Read => ({
    userRef: body.user.id,
    externalId: body.transaction.id,
    action: {
      kind: 'credit',
      transactionId: body.transaction.id,
      goods: body.purchase,
      payment: paymentOf(body.payment_details),
      dryRun: body.transaction.dry_run,
    },
  }));

const orderItem = z.object({
  sku,
  type: z.enum(['virtual_currency', 'virtual_good', 'bundle']),
  quantity: wholeNumber,
});

/** Combined-mode `order_paid`: currency items credit their quantity in points, goods and bundles are granted. */
const orderGoods = (items: z.output<typeof orderItem>[]): XsollaGoods => ({
  points: items.filter(({ type }) => type === 'virtual_currency').reduce((sum, { quantity }) => sum + quantity, 0),
  items: items
    .filter(({ type }) => type !== 'virtual_currency')
    .map(({ sku: name, quantity }): SkuCount => ({ sku: name, count: quantity })),
});

const orderPaid = z
  .object({
    user: z.object({ external_id: userRef }),
    order: z.object({ invoice_id: xsollaId }),
    items: z.array(orderItem),
    billing: z
      .object({ transaction: z.object({ dry_run: flag }).nullish(), payment_details: paymentDetails })
      .nullish(),
  })
  .transform((body): Read => ({
    userRef: body.user.external_id,
    externalId: body.order.invoice_id,
    action: {
      kind: 'credit',
      transactionId: body.order.invoice_id,
      goods: orderGoods(body.items),
      payment: paymentOf(body.billing?.payment_details),
      dryRun: body.billing?.transaction?.dry_run ?? false,
    },
  }))
  .refine(({ action }) => action.kind !== 'credit' || withinItemLimit(action.goods), {
    ...ITEM_LIMIT,
    path: ['items'],
  });

/** A refund, a cancellation or a fraud rejection: everything the payment credited goes back. */
const wholeReversal = (reversal: 'refund' | 'afs_reject') =>
  z.object({ user: z.object({ id: userRef }), transaction: z.object({ id: xsollaId }) }).transform((body): Read => ({
    userRef: body.user.id,
    externalId: body.transaction.id,
    action: { kind: 'reverse', reversal, transactionId: body.transaction.id, request: { whole: true } },
  }));

const orderCanceled = z
  .object({ user: z.object({ external_id: userRef }), order: z.object({ invoice_id: xsollaId }) })
  .transform((body): Read => ({
    userRef: body.user.external_id,
    externalId: body.order.invoice_id,
    action: { kind: 'reverse', reversal: 'refund', transactionId: body.order.invoice_id, request: { whole: true } },
  }));

const partialRefund = z
  .object({ user: z.object({ id: userRef }), transaction: z.object({ id: xsollaId }), purchase })
  .transform((body): Read => ({
    userRef: body.user.id,
    externalId: body.transaction.id,
    action: {
      kind: 'reverse',
      reversal: 'partial_refund',
      transactionId: body.transaction.id,
      request: { whole: false, goods: body.purchase },
    },
  }));

const walletOperation = z
  .object({
    user: z.object({ id: userRef }),
    id_operation: xsollaId,
    operation_type: z.string().min(1).max(64),
    virtual_currency_balance: z.object({ diff: signedWholeNumber }),
  })
  .transform((body): Read => ({
    userRef: body.user.id,
    externalId: body.id_operation,
    action: {
      kind: 'wallet_operation',
      operationId: body.id_operation,
      operationType: body.operation_type,
      diff: body.virtual_currency_balance.diff,
    },
  }));

const userValidation = z
  .object({ user: z.object({ id: userRef }) })
  .transform((body): Read => ({ userRef: body.user.id, externalId: null, action: { kind: 'validate_user' } }));

/** A type Forte does not act on is stored whatever its shape, with the ids it carries if they are readable. */
const other = z
  .object({
    user: z.object({ id: userRef }).nullish().catch(null),
    transaction: z.object({ id: xsollaId }).nullish().catch(null),
  })
  .transform((body): Read => ({
    userRef: body.user?.id ?? null,
    externalId: body.transaction?.id ?? null,
    action: { kind: 'record' },
  }));

const READERS = new Map<string, z.ZodType<Read>>([
  ['payment', payment],
  ['order_paid', orderPaid],
  ['refund', wholeReversal('refund')],
  ['afs_reject', wholeReversal('afs_reject')],
  ['order_canceled', orderCanceled],
  ['partial_refund', partialRefund],
  ['user_balance_operation', walletOperation],
  ['user_validation', userValidation],
]);

/** A Xsolla webhook, read by its `notification_type`; other fields are read as that type needs them. */
export const XsollaNotificationBody = z
  .looseObject({ notification_type: z.string().min(1).max(64) })
  .transform((body, ctx): XsollaNotification => {
    const read = (READERS.get(body.notification_type) ?? other).safeParse(body);
    if (read.success) return { type: body.notification_type, ...read.data };
    for (const issue of read.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  })
  .meta({
    id: 'XsollaNotification',
    description:
      "A Xsolla webhook (Xsolla's own wire format): `notification_type` says which; numbers may come as JSON " +
      'numbers or strings.',
  });
