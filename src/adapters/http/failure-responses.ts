import { Failure, FailureType } from '../../domain/failure';
import { errorBody } from './error-body';
import { EndpointAnswer, FailureResponse } from './endpoint';

/** Every business failure and how HTTP answers it; a failure type missing here does not compile. */
export const FAILURE_RESPONSES: Record<FailureType, FailureResponse> = {
  UserNotFound: { status: 404, code: 'USER_NOT_FOUND', message: 'No such user.' },
  DiscordIdTaken: { status: 409, code: 'DISCORD_ID_TAKEN', message: 'A user with this discord_id already exists.' },
  ReceiptNotFound: { status: 404, code: 'RECEIPT_NOT_FOUND', message: 'No such receipt for this user.' },
  InsufficientPoints: { status: 409, code: 'INSUFFICIENT_POINTS', message: 'The user does not hold enough points.' },
  BalanceOutOfRange: { status: 409, code: 'BALANCE_OUT_OF_RANGE', message: 'The new balance would be too large.' },
  InvalidCursor: { status: 400, code: 'INVALID_CURSOR', message: 'The cursor is not one this API gave out.' },
  IdempotencyKeyReused: {
    status: 422,
    code: 'IDEMPOTENCY_KEY_REUSED',
    message: 'This Idempotency-Key was already used for another request.',
  },
  IdempotencyKeyInUse: {
    status: 409,
    code: 'IDEMPOTENCY_KEY_IN_USE',
    message: 'A request with this Idempotency-Key is still in progress; retry later.',
  },
  ClientNameTaken: { status: 409, code: 'CLIENT_NAME_TAKEN', message: 'A client with this name already exists.' },
  ClientNotFound: { status: 404, code: 'CLIENT_NOT_FOUND', message: 'No such client.' },
  ItemNotFound: { status: 404, code: 'ITEM_NOT_FOUND', message: 'No such item.' },
  ItemNotSellable: { status: 409, code: 'ITEM_NOT_SELLABLE', message: 'This item is not for sale.' },
  PurchaseLimitReached: {
    status: 409,
    code: 'PURCHASE_LIMIT_REACHED',
    message: 'The user already owns as many of this item as one user may.',
  },
  UserItemNotFound: { status: 404, code: 'USER_ITEM_NOT_FOUND', message: "No such item in this user's inventory." },
  UserItemNotActive: {
    status: 409,
    code: 'USER_ITEM_NOT_ACTIVE',
    message: 'The item is consumed, expired or withdrawn.',
  },
  WithdrawalNotAllowed: {
    status: 409,
    code: 'WITHDRAWAL_NOT_ALLOWED',
    message: 'This purchase cannot be withdrawn; details.reason says why.',
  },
  AlreadyCheckedIn: { status: 409, code: 'EXIST_ATTENDANCE', message: 'The user already checked in today.' },
  MaxKeyCount: { status: 409, code: 'MAX_KEY_COUNT', message: 'The user already holds the most keys allowed.' },
  NotEnoughKeys: { status: 400, code: 'NOT_ENOUGH_KEYS', message: 'The user does not hold enough keys for this box.' },
  XsollaTransactionMismatch: {
    status: 409,
    code: 'XSOLLA_TRANSACTION_MISMATCH',
    message: 'The Xsolla transaction belongs to another user.',
  },
  XsollaUnavailable: {
    status: 503,
    code: 'XSOLLA_UNAVAILABLE',
    message: 'Xsolla cannot be reached right now; retry later.',
  },
  XsollaRejected: {
    status: 502,
    code: 'XSOLLA_REJECTED',
    message: "Xsolla refused Forte's request; details.reason says why. This is Forte's to fix, not the caller's.",
  },
  XsollaNotConfigured: {
    status: 503,
    code: 'XSOLLA_NOT_CONFIGURED',
    message: "Forte's Xsolla merchant credentials are not set.",
  },
  CheckoutLinkNotFound: { status: 404, code: 'CHECKOUT_LINK_NOT_FOUND', message: 'No such payment link.' },
  CheckoutLinkExpired: { status: 410, code: 'CHECKOUT_LINK_EXPIRED', message: 'This payment link has expired.' },
  DiscordCodeRejected: {
    status: 400,
    code: 'DISCORD_CODE_REJECTED',
    message: 'Discord refused the sign-in code: it was already used or has expired.',
  },
  DiscordUnavailable: {
    status: 503,
    code: 'DISCORD_UNAVAILABLE',
    message: 'Discord cannot be reached right now; sign in again later.',
  },
  DiscordUserNotRegistered: {
    status: 403,
    code: 'DISCORD_USER_NOT_REGISTERED',
    message: 'No Forte user has this Discord account; register through a bot first.',
  },
};

/** The answer for a failure; the failure's own fields (balance, max_per_user, ...) become `details`. */
export function failureAnswer(failure: Failure): EndpointAnswer {
  const { type, ...fields } = failure;
  const { status, code, message } = FAILURE_RESPONSES[type];
  const details = Object.entries(fields).map(([name, value]) => [wireName(name), value]);
  return { status, body: errorBody(code, message, details.length > 0 ? Object.fromEntries(details) : undefined) };
}

/** Field names go out in snake_case like every other field on the wire (`maxPerUser` → `max_per_user`). */
const wireName = (name: string): string => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
