import { Failure, FailureOf, FailureType } from '../domain/failure';
import { CliError } from './cli-error';
import { EXIT, ExitCode } from './exit-codes';

type FailureExits = { [T in FailureType]: { exitCode: ExitCode; message: (failure: FailureOf<T>) => string } };

/**
 * Every business failure and how forte-cli reports it; a failure type missing here does not compile. A refused
 * request is exit 2, like bad usage (1 is for problems that a check such as an import or an audit found).
 */
export const FAILURE_EXITS: FailureExits = {
  UserNotFound: { exitCode: EXIT.usageOrFault, message: () => 'no such user' },
  DiscordIdTaken: { exitCode: EXIT.usageOrFault, message: () => 'a user with this Discord id already exists' },
  ReceiptNotFound: { exitCode: EXIT.usageOrFault, message: () => 'no such receipt for this user' },
  InsufficientPoints: {
    exitCode: EXIT.usageOrFault,
    message: ({ balance, required }) => `the user holds ${balance} points, ${required} are needed`,
  },
  BalanceOutOfRange: { exitCode: EXIT.usageOrFault, message: () => 'the new balance would be too large' },
  InvalidCursor: { exitCode: EXIT.usageOrFault, message: () => 'the cursor is not one Forte gave out' },
  IdempotencyKeyReused: { exitCode: EXIT.usageOrFault, message: () => 'the key was used for another request' },
  IdempotencyKeyInUse: { exitCode: EXIT.usageOrFault, message: () => 'a request with this key is still running' },
  ClientNameTaken: { exitCode: EXIT.usageOrFault, message: () => 'a client with this name already exists' },
  ClientNotFound: { exitCode: EXIT.usageOrFault, message: () => 'no client has this name' },
  ItemNotFound: { exitCode: EXIT.usageOrFault, message: () => 'no such item' },
  ItemNotSellable: { exitCode: EXIT.usageOrFault, message: () => 'the item is not for sale' },
  PurchaseLimitReached: {
    exitCode: EXIT.usageOrFault,
    message: ({ maxPerUser }) => `the user already owns ${maxPerUser} of this item, the most one user may`,
  },
  UserItemNotFound: { exitCode: EXIT.usageOrFault, message: () => "no such item in the user's inventory" },
  UserItemNotActive: { exitCode: EXIT.usageOrFault, message: () => 'the item is consumed, expired or withdrawn' },
  WithdrawalNotAllowed: {
    exitCode: EXIT.usageOrFault,
    message: ({ reason }) => `the purchase cannot be withdrawn (${reason})`,
  },
  AlreadyCheckedIn: { exitCode: EXIT.usageOrFault, message: ({ diff }) => `already checked in today; next in ${diff}` },
  MaxKeyCount: { exitCode: EXIT.usageOrFault, message: ({ keyCount }) => `holds ${keyCount} keys, the most allowed` },
  NotEnoughKeys: { exitCode: EXIT.usageOrFault, message: ({ keyCount }) => `holds only ${keyCount} keys` },
  XsollaTransactionMismatch: {
    exitCode: EXIT.usageOrFault,
    message: () => 'the Xsolla transaction belongs to another user',
  },
  XsollaUnavailable: { exitCode: EXIT.usageOrFault, message: ({ reason }) => `Xsolla is unavailable: ${reason}` },
  XsollaRejected: { exitCode: EXIT.usageOrFault, message: ({ reason }) => `Xsolla refused the request: ${reason}` },
  XsollaNotConfigured: {
    exitCode: EXIT.usageOrFault,
    message: () => 'XSOLLA_MERCHANT_ID, XSOLLA_PROJECT_ID and XSOLLA_API_KEY must be set',
  },
  CheckoutLinkNotFound: { exitCode: EXIT.usageOrFault, message: () => 'no such payment link' },
  CheckoutLinkExpired: { exitCode: EXIT.usageOrFault, message: () => 'the payment link has expired' },
  DiscordCodeRejected: { exitCode: EXIT.usageOrFault, message: () => 'Discord refused the sign-in code' },
  DiscordUnavailable: { exitCode: EXIT.usageOrFault, message: () => 'Discord cannot be reached' },
  DiscordUserNotRegistered: { exitCode: EXIT.usageOrFault, message: () => 'no user has this Discord account' },
};

/** `ClientNameTaken` → `CLIENT_NAME_TAKEN`: the code forte-cli prints under `--json`. */
const failureCode = (type: FailureType): string => type.replace(/(?<=[a-z])(?=[A-Z])/g, '_').toUpperCase();

/** The error a command throws for a business failure about `subject` (the name or id the operator gave). */
export function failureError(failure: Failure, subject: string): CliError {
  // The entry for `failure.type` takes this very failure; TypeScript cannot follow that through the lookup.
  const entry = FAILURE_EXITS[failure.type] as { exitCode: ExitCode; message: (failure: Failure) => string };
  const { exitCode, message } = entry;
  return new CliError(failureCode(failure.type), `${subject}: ${message(failure)}`, exitCode);
}
