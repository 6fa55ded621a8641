import { SkuCount, XsollaGoods, XsollaNotification } from '../../src/domain/xsolla-notification';

/** Notifications as Forte reads them off the wire, for use-case tests. */
export const aPayment = (userId: number, transactionId: string, goods: XsollaGoods): XsollaNotification => ({
  type: 'payment',
  userRef: String(userId),
  externalId: transactionId,
  action: { kind: 'credit', transactionId, goods, payment: { amount: '2.30', currency: 'USD' }, dryRun: true },
});

/** The combined-mode twin of a payment: the same key, so the two credit once. */
export const anOrderPaid = (userId: number, invoiceId: string, goods: XsollaGoods): XsollaNotification => ({
  ...aPayment(userId, invoiceId, goods),
  type: 'order_paid',
});

export const aRefund = (userId: number, transactionId: string, type = 'refund'): XsollaNotification => ({
  type,
  userRef: String(userId),
  externalId: transactionId,
  action: { kind: 'reverse', reversal: 'refund', transactionId, request: { whole: true } },
});

export const anAfsReject = (userId: number, transactionId: string): XsollaNotification => ({
  type: 'afs_reject',
  userRef: String(userId),
  externalId: transactionId,
  action: { kind: 'reverse', reversal: 'afs_reject', transactionId, request: { whole: true } },
});

export const aPartialRefund = (userId: number, transactionId: string, goods: XsollaGoods): XsollaNotification => ({
  type: 'partial_refund',
  userRef: String(userId),
  externalId: transactionId,
  action: { kind: 'reverse', reversal: 'partial_refund', transactionId, request: { whole: false, goods } },
});

export const aWalletOperation = (
  userId: number,
  operationId: string,
  operationType: string,
  diff: number,
): XsollaNotification => ({
  type: 'user_balance_operation',
  userRef: String(userId),
  externalId: operationId,
  action: { kind: 'wallet_operation', operationId, operationType, diff },
});

export const goods = (points: number, items: SkuCount[] = []): XsollaGoods => ({ points, items });
