import { XsollaBalances, XsollaCheckout, XsollaWallet } from '../../application/ports/xsolla-merchant';
import { fail } from '../../domain/result';

/** Xsolla's merchant API while its credentials are not set: every call says so. */
export const unconfiguredMerchant: XsollaCheckout & XsollaWallet & XsollaBalances = {
  createPayStationToken: () => Promise.resolve(fail({ type: 'XsollaNotConfigured' })),
  recharge: () => Promise.resolve(fail({ type: 'XsollaNotConfigured' })),
  balanceOf: () => Promise.resolve(fail({ type: 'XsollaNotConfigured' })),
};
