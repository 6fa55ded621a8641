import { answer } from '../answer';
import { WithdrawPurchaseFailure } from '../../../application/withdraw-purchase';
import { AnyEndpoint, botWithScope, defineEndpoint, FailureList } from '../endpoint';
import { HttpDependencies } from '../http-dependencies';
import { presentUserItem, presentUserItemPage, presentUserItemTrade } from '../presenters/user-item-presenter';
import { PageQuery } from '../schemas/page-schemas';
import {
  PurchaseBody,
  UpdateUserItemBody,
  UserItemPageResponse,
  UserItemParams,
  UserItemResponse,
  UserItemTradeResponse,
} from '../schemas/user-item-schemas';
import { UserIdParams } from '../schemas/user-schemas';

/** What 청약철회 can answer, for every audience that offers it (the bots, the panel). */
export const WITHDRAW_PURCHASE_FAILURES: FailureList<WithdrawPurchaseFailure> = {
  UserNotFound: true,
  UserItemNotFound: true,
  WithdrawalNotAllowed: true,
  BalanceOutOfRange: true,
  IdempotencyKeyReused: true,
  IdempotencyKeyInUse: true,
};

export function userItemsRoutes(
  deps: Pick<
    HttpDependencies,
    'listUserItems' | 'getUserItem' | 'purchaseItem' | 'consumeUserItem' | 'withdrawPurchase'
  >,
): AnyEndpoint[] {
  return [
    defineEndpoint({
      method: 'get',
      path: '/users/{id}/items',
      summary: "A user's inventory, newest first",
      auth: botWithScope('users:read'),
      params: UserIdParams,
      query: PageQuery,
      success: { status: 200, description: 'One page of user items', schema: UserItemPageResponse },
      failures: { UserNotFound: true, InvalidCursor: true },
      handle: async ({ params, query }) =>
        answer(
          await deps.listUserItems.execute({ userId: params.id, limit: query.limit, cursor: query.cursor }),
          200,
          presentUserItemPage,
        ),
    }),
    defineEndpoint({
      method: 'get',
      path: '/users/{id}/items/{userItemId}',
      summary: "One item of a user's inventory",
      auth: botWithScope('users:read'),
      params: UserItemParams,
      success: { status: 200, description: 'The user item', schema: UserItemResponse },
      failures: { UserNotFound: true, UserItemNotFound: true },
      handle: async ({ params }) =>
        answer(
          await deps.getUserItem.execute({ userId: params.id, userItemId: params.userItemId }),
          200,
          presentUserItem,
        ),
    }),
    defineEndpoint({
      method: 'post',
      path: '/users/{id}/items',
      summary: 'Buy an item with points',
      auth: botWithScope('store:purchase'),
      params: UserIdParams,
      body: PurchaseBody,
      idempotent: true,
      success: {
        status: 201,
        description: 'The user item, the receipt and the new balance',
        schema: UserItemTradeResponse,
      },
      failures: {
        UserNotFound: true,
        ItemNotFound: true,
        ItemNotSellable: true,
        PurchaseLimitReached: true,
        InsufficientPoints: true,
        BalanceOutOfRange: true,
        IdempotencyKeyReused: true,
        IdempotencyKeyInUse: true,
      },
      handle: async ({ params, body, client, idempotency }) =>
        answer(
          await deps.purchaseItem.execute({
            userId: params.id,
            itemId: body.item_id,
            source: `client:${client.name}`,
            idempotency,
          }),
          201,
          presentUserItemTrade,
        ),
    }),
    defineEndpoint({
      method: 'put',
      path: '/users/{id}/items/{userItemId}',
      summary: 'Mark a user item consumed (again on a consumed item: the same answer)',
      auth: botWithScope('store:purchase'),
      params: UserItemParams,
      body: UpdateUserItemBody,
      success: { status: 200, description: 'The user item', schema: UserItemResponse },
      failures: { UserNotFound: true, UserItemNotFound: true, UserItemNotActive: true },
      handle: async ({ params, body }) => {
        const target = { userId: params.id, userItemId: params.userItemId };
        const result = body.consumed
          ? await deps.consumeUserItem.execute(target)
          : await deps.getUserItem.execute(target);
        return answer(result, 200, presentUserItem);
      },
    }),
    defineEndpoint({
      method: 'post',
      path: '/users/{id}/items/{userItemId}/withdraw',
      summary: 'Take a purchase back (청약철회) and refund the price paid',
      auth: botWithScope('store:purchase'),
      params: UserItemParams,
      idempotent: true,
      success: {
        status: 200,
        description: 'The withdrawn user item, the refund receipt and the new balance',
        schema: UserItemTradeResponse,
      },
      failures: WITHDRAW_PURCHASE_FAILURES,
      handle: async ({ params, client, idempotency }) =>
        answer(
          await deps.withdrawPurchase.execute({
            userId: params.id,
            userItemId: params.userItemId,
            source: `client:${client.name}`,
            idempotency,
          }),
          200,
          presentUserItemTrade,
        ),
    }),
  ];
}
