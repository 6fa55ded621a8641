import { FailureOf } from '../../domain/failure';
import { Result } from '../../domain/result';

/** How a call to Xsolla's merchant API can fail. */
export type XsollaCallFailure = FailureOf<'XsollaUnavailable' | 'XsollaRejected' | 'XsollaNotConfigured'>;

/** A user as the Pay Station knows it: by Forte's user id, as a string. */
export interface PayStationUser {
  id: string;
  name: string;
  email: string | null;
}

/** Pay Station tokens, for a user's checkout. Creating one twice is harmless, so an adapter may retry it. */
export interface XsollaCheckout {
  /** A token (valid for a day) and the Pay Station page it opens. */
  createPayStationToken(user: PayStationUser): Promise<Result<{ token: string; url: string }, XsollaCallFailure>>;
}

/** Reading Xsolla's copy of a wallet: safe to repeat, so an adapter may retry it. */
export interface XsollaBalances {
  balanceOf(userId: string): Promise<Result<{ balance: number }, XsollaCallFailure>>;
}

/**
 * Xsolla's copy of a user's wallet: read, then recharged by the difference. A recharge is not idempotent: an
 * adapter never retries one (a lost answer may have been applied); the mirror converges on the balance each
 * recharge answers instead.
 */
export interface XsollaWallet extends XsollaBalances {
  /** Adds `amount` (negative to take away) and answers the wallet's balance after it. */
  recharge(userId: string, amount: number, comment: string): Promise<Result<{ balance: number }, XsollaCallFailure>>;
}
