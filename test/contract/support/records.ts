import { Transaction } from '../../../src/application/ports/unit-of-work';
import { NewClient } from '../../../src/domain/client';
import { Receipt, ReceiptDraft } from '../../../src/domain/receipt';
import { NewUser } from '../../../src/domain/user';
import { UserItemDraft } from '../../../src/domain/user-item';
import { NewXsollaOperation } from '../../../src/domain/xsolla-operation';

/** Millisecond precision matters: every adapter must give it back. */
export const AT = new Date('2026-11-25T09:30:15.123Z');

let discordIds = 0;

/** A new user with a Discord id no other call answers. */
export const aNewUser = (fields: Partial<NewUser> = {}): NewUser => {
  discordIds += 1;
  return {
    discordId: `3680036171468${String(discordIds).padStart(5, '0')}`,
    name: 'lara',
    email: null,
    createdAt: AT,
    ...fields,
  };
};

export const aReceiptDraft = (userId: number, fields: Partial<ReceiptDraft> = {}): ReceiptDraft => ({
  userId,
  kind: 'grant',
  delta: 100,
  balanceBefore: 0,
  balanceAfter: 100,
  reason: 'bot grant',
  source: 'client:lara-bot',
  externalRef: null,
  debt: false,
  createdAt: AT,
  ...fields,
});

/** Posts a receipt of `delta` points (100 unless given) through the ledger, on the user's current balance. */
export async function aPosting(tx: Transaction, userId: number, fields: Partial<ReceiptDraft> = {}): Promise<Receipt> {
  const before = (await tx.users.lockById(userId))?.points ?? 0;
  const delta = fields.delta ?? 100;
  return tx.ledger.post(
    aReceiptDraft(userId, { balanceBefore: before, balanceAfter: before + delta, ...fields, delta }),
  );
}

export const aNewClient = (fields: Partial<NewClient> = {}): NewClient => ({
  name: 'lara-bot',
  scopes: ['users:read', 'points:grant'],
  tokenHash: 'a'.repeat(64),
  createdAt: AT,
  ...fields,
});

/** An active user item bought with points at AT. */
export const aUserItemDraft = (
  userId: number,
  itemId: number,
  receiptId: number | null,
  fields: Partial<UserItemDraft> = {},
): UserItemDraft => ({
  userId,
  itemId,
  receiptId,
  pricePaid: 40,
  status: 'active',
  expiresAt: null,
  acquiredVia: 'points',
  withdrawnAt: null,
  createdAt: AT,
  updatedAt: AT,
  ...fields,
});

/** The applied payment operation of Xsolla's transaction `externalId`, made by delivery `notificationId`, at AT. */
export const aPaymentOperation = (
  userId: number,
  notificationId: number,
  externalId: string,
  receiptId: number | null = null,
): NewXsollaOperation => ({
  kind: 'payment',
  externalId,
  userId,
  notificationId,
  state: 'applied',
  request: null,
  receiptId,
  createdAt: AT,
  appliedAt: AT,
});

/** The same without its receipt, which the ledger fills in (`Ledger.postWith`). */
export const aReceiptlessPaymentOperation = (
  userId: number,
  notificationId: number,
  externalId: string,
): Omit<NewXsollaOperation, 'receiptId'> => {
  const { receiptId: _receiptId, ...operation } = aPaymentOperation(userId, notificationId, externalId);
  return operation;
};
