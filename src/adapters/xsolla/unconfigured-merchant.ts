import { XsollaCheckout, XsollaWallet } from '../../application/ports/xsolla-merchant';
import { fail } from '../../domain/result';

/** Xsolla's merchant API while its credentials are not set: every call says so. */
export const unconfiguredMerchant: XsollaCheckout & XsollaWallet = {
  createPayStationToken: () => Promise.resolve(fail({ type: 'XsollaNotConfigured' })),
  recharge: () => Promise.resolve(fail({ type: 'XsollaNotConfigured' })),
};
