import { answer } from '../answer';
import { AnyEndpoint, defineEndpoint, xsollaSignature } from '../endpoint';
import { HttpDependencies } from '../http-dependencies';
import { XSOLLA_FAILURES } from '../presenters/xsolla-error-presenter';
import { XsollaNotificationBody } from '../schemas/xsolla-schemas';

export function xsollaRoutes(deps: Pick<HttpDependencies, 'handleXsollaNotification'>): AnyEndpoint[] {
  return [
    defineEndpoint({
      method: 'post',
      path: '/xsolla',
      summary: 'Xsolla webhooks: payments, refunds, wallet changes, user validation',
      auth: xsollaSignature,
      body: XsollaNotificationBody,
      success: {
        status: 204,
        description:
          'Handled, or found to be a delivery already handled, or stored to be applied with its payment, or of a ' +
          'type Forte does not act on (stored)',
      },
      failures: { UserNotFound: true, ItemNotFound: true, BalanceOutOfRange: true, XsollaTransactionMismatch: true },
      failurePresentation: XSOLLA_FAILURES,
      handle: async ({ body, client }) =>
        answer(
          await deps.handleXsollaNotification.execute({ notification: body, body: client.body }),
          204,
          () => undefined,
        ),
    }),
  ];
}
