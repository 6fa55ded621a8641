import { webhookAuthorization } from '../../src/adapters/xsolla/webhook-signature';

export const BENCH_XSOLLA_SECRET = 'bench-project-secret';

/**
 * The n-th of a stream of Xsolla payment webhooks, each for its own transaction: virtual currency bought by one of
 * the bench's users, signed as Xsolla signs (PRODUCT.md §4: `payment` credits `virtual_currency.quantity`).
 */
export function paymentWebhook(n: number, users: number): { body: string; authorization: string } {
  const body = JSON.stringify({
    notification_type: 'payment',
    purchase: {
      virtual_currency: { name: 'Points', quantity: 10, currency: 'USD', amount: '1.00' },
      total: { currency: 'USD', amount: '1.00' },
    },
    user: { id: String(1 + (n % users)), name: 'bench user', country: 'KR' },
    transaction: {
      id: 900_000_000 + n,
      external_id: `bench-${n}`,
      payment_date: '2026-12-01T00:00:00+09:00',
      payment_method: 1,
      dry_run: 1,
    },
    payment_details: { payment: { currency: 'USD', amount: '1.00' } },
  });
  return { body, authorization: webhookAuthorization(Buffer.from(body), BENCH_XSOLLA_SECRET) };
}
