import { z } from 'zod';
import { ok } from '../../../domain/result';
import { AnyEndpoint, defineEndpoint, panelSession } from '../endpoint';
import { HttpDependencies } from '../http-dependencies';
import { recordId } from '../schemas/id-schemas';
import { WITHDRAW_PURCHASE_FAILURES } from '../routes/user-items-routes';
import { DEFAULT_PAGE_LIMIT } from '../schemas/page-schemas';
import { inventoryPage } from './views/inventory-page';
import { overviewPage } from './views/overview-page';
import { PanelRedirect } from './views/panel-page';

const PageOnly = z.strictObject({ cursor: z.string().min(1).max(100).optional() });
const InventoryQuery = PageOnly.extend({ notice: z.literal('withdrawn').optional() });
const UserItemOnly = z.strictObject({ userItemId: recordId('The user item id') });

/**
 * The panel's pages and forms. Each acts on the signed-in user only (the session's user id, never one from the
 * request) through the same use cases as the bots; failures go through the failure table and the page layer.
 */
export function panelRoutes(
  deps: Pick<HttpDependencies, 'getUser' | 'listReceipts' | 'reviewInventory' | 'withdrawPurchase' | 'createCheckout'>,
): AnyEndpoint[] {
  return [
    defineEndpoint({
      method: 'get',
      path: '/panel',
      summary: 'The balance and the ledger, newest first',
      auth: panelSession,
      query: PageOnly,
      success: { status: 200, description: 'The overview page' },
      failures: { UserNotFound: true, InvalidCursor: true },
      handle: async ({ query, client }) => {
        const user = await deps.getUser.execute({ id: client.userId });
        if (!user.ok) return user;
        const receipts = await deps.listReceipts.execute({
          userId: client.userId,
          limit: DEFAULT_PAGE_LIMIT,
          cursor: query.cursor,
        });
        if (!receipts.ok) return receipts;
        return ok({ status: 200, body: overviewPage(user.value, receipts.value, query.cursor === undefined) });
      },
    }),
    defineEndpoint({
      method: 'get',
      path: '/panel/items',
      summary: 'The inventory, with what may be withdrawn',
      auth: panelSession,
      query: InventoryQuery,
      success: { status: 200, description: 'The inventory page' },
      failures: { UserNotFound: true, InvalidCursor: true },
      handle: async ({ query, client }) => {
        const inventory = await deps.reviewInventory.execute({
          userId: client.userId,
          limit: DEFAULT_PAGE_LIMIT,
          cursor: query.cursor,
        });
        if (!inventory.ok) return inventory;
        const page = inventoryPage(inventory.value, query.cursor === undefined, query.notice === 'withdrawn');
        return ok({ status: 200, body: page });
      },
    }),
    defineEndpoint({
      method: 'post',
      path: '/panel/items/{userItemId}/withdraw',
      summary: 'Take a purchase back (청약철회)',
      auth: panelSession,
      params: UserItemOnly,
      success: { status: 303, description: 'Back to the inventory, which says it is done' },
      failures: WITHDRAW_PURCHASE_FAILURES,
      handle: async ({ params, client }) => {
        // A second post of the same form finds the item withdrawn and is refused: no key is needed to refund once.
        const withdrawn = await deps.withdrawPurchase.execute({
          userId: client.userId,
          userItemId: params.userItemId,
          source: 'panel',
        });
        if (!withdrawn.ok) return withdrawn;
        return ok({ status: 303, body: new PanelRedirect('/panel/items?notice=withdrawn') });
      },
    }),
    defineEndpoint({
      method: 'post',
      path: '/panel/checkout',
      summary: 'Buy points: on to Xsolla Pay Station, through the same checkout as the bots',
      auth: panelSession,
      success: { status: 303, description: "Xsolla's Pay Station page, with a token made for the signed-in user" },
      failures: { UserNotFound: true, XsollaUnavailable: true, XsollaRejected: true, XsollaNotConfigured: true },
      handle: async ({ client }) => {
        const checkout = await deps.createCheckout.execute({ userId: client.userId });
        if (!checkout.ok) return checkout;
        return ok({ status: 303, body: new PanelRedirect(checkout.value.url) });
      },
    }),
  ];
}
