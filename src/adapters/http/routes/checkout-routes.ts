import { answer } from '../answer';
import { AnyEndpoint, botWithScope, defineEndpoint } from '../endpoint';
import { HttpDependencies } from '../http-dependencies';
import { presentCheckout } from '../presenters/checkout-presenter';
import { CheckoutResponse } from '../schemas/checkout-schemas';
import { UserIdParams } from '../schemas/user-schemas';

export function checkoutRoutes(deps: Pick<HttpDependencies, 'createCheckout'>): AnyEndpoint[] {
  return [
    defineEndpoint({
      method: 'get',
      path: '/users/{id}/xsolla/token',
      summary: 'A Pay Station token for the user to buy points, its page, and a short link to paste in a chat',
      auth: botWithScope('payments:checkout'),
      params: UserIdParams,
      success: { status: 200, description: 'The token, its page and the short link', schema: CheckoutResponse },
      failures: { UserNotFound: true, XsollaUnavailable: true, XsollaRejected: true, XsollaNotConfigured: true },
      handle: async ({ params }) =>
        answer(await deps.createCheckout.execute({ userId: params.id }), 200, presentCheckout),
    }),
  ];
}
