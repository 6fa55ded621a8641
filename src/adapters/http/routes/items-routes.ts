import { answer } from '../answer';
import { AnyEndpoint, botWithScope, defineEndpoint } from '../endpoint';
import { HttpDependencies } from '../http-dependencies';
import { presentItem, presentItemPage } from '../presenters/item-presenter';
import { ItemIdParams, ItemPageResponse, ItemResponse } from '../schemas/item-schemas';
import { PageQuery } from '../schemas/page-schemas';

export function itemsRoutes(deps: Pick<HttpDependencies, 'listSellableItems' | 'getItem'>): AnyEndpoint[] {
  return [
    defineEndpoint({
      method: 'get',
      path: '/items',
      summary: 'The sellable catalogue, newest first',
      auth: botWithScope('items:read'),
      query: PageQuery,
      success: { status: 200, description: 'One page of sellable items', schema: ItemPageResponse },
      failures: { InvalidCursor: true },
      handle: async ({ query }) =>
        answer(
          await deps.listSellableItems.execute({ limit: query.limit, cursor: query.cursor }),
          200,
          presentItemPage,
        ),
    }),
    defineEndpoint({
      method: 'get',
      path: '/items/{id}',
      summary: 'One item, also one no longer on sale (for inventories; see `sellable`)',
      auth: botWithScope('items:read'),
      params: ItemIdParams,
      success: { status: 200, description: 'The item', schema: ItemResponse },
      failures: { ItemNotFound: true },
      handle: async ({ params }) => answer(await deps.getItem.execute({ id: params.id }), 200, presentItem),
    }),
  ];
}
