import { answer } from '../answer';
import { AnyEndpoint, botWithScope, defineEndpoint } from '../endpoint';
import { HttpDependencies } from '../http-dependencies';
import { presentReceipt, presentReceiptPage } from '../presenters/receipt-presenter';
import { PageQuery } from '../schemas/page-schemas';
import { ReceiptPageResponse, ReceiptParams, ReceiptResponse } from '../schemas/receipt-schemas';
import { UserIdParams } from '../schemas/user-schemas';

export function receiptsRoutes(deps: Pick<HttpDependencies, 'listReceipts' | 'getReceipt'>): AnyEndpoint[] {
  return [
    defineEndpoint({
      method: 'get',
      path: '/users/{id}/receipts',
      summary: "A user's ledger, newest first",
      auth: botWithScope('users:read'),
      params: UserIdParams,
      query: PageQuery,
      success: { status: 200, description: 'One page of receipts', schema: ReceiptPageResponse },
      failures: { UserNotFound: true, InvalidCursor: true },
      handle: async ({ params, query }) =>
        answer(
          await deps.listReceipts.execute({ userId: params.id, limit: query.limit, cursor: query.cursor }),
          200,
          presentReceiptPage,
        ),
    }),
    defineEndpoint({
      method: 'get',
      path: '/users/{id}/receipts/{receiptId}',
      summary: 'One receipt of a user',
      auth: botWithScope('users:read'),
      params: ReceiptParams,
      success: { status: 200, description: 'The receipt', schema: ReceiptResponse },
      failures: { UserNotFound: true, ReceiptNotFound: true },
      handle: async ({ params }) =>
        answer(await deps.getReceipt.execute({ userId: params.id, receiptId: params.receiptId }), 200, presentReceipt),
    }),
  ];
}
