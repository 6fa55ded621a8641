import { z } from 'zod';
import { Checkout } from '../../../application/create-checkout';
import { CheckoutResponse } from '../schemas/checkout-schemas';

export const presentCheckout = (checkout: Checkout): z.infer<typeof CheckoutResponse> => ({
  token: checkout.token,
  url: checkout.url,
  short_url: checkout.shortUrl,
  short_url_expires_at: checkout.shortUrlExpiresAt.toISOString(),
});
