import { ItemDraft } from '../../../src/domain/item';
import { anItemDraft } from '../../support/builders/item';
import { ApiClient } from './api-client';
import { ApiSession } from './api-session';
import { TestApp } from '../../support/test-app';

let stocked = 0;

/** Puts an item in the test app's catalogue (as `forte-cli items import` does) under a fresh SKU; answers its id. */
export function stockItem(session: ApiSession, fields: Partial<ItemDraft> = {}): Promise<number> {
  return stockItemThrough(session.app, fields);
}

export async function stockItemThrough(app: TestApp, fields: Partial<ItemDraft> = {}): Promise<number> {
  stocked += 1;
  const draft = anItemDraft()
    .with({ sku: `item-${stocked}`, ...fields })
    .build();
  const item = await app.uow.run((tx) => tx.items.upsertBySku(draft, new Date()));
  return item.id;
}

/** Registers a user holding `points`, through the API; answers the user's id. */
export async function aUserWithPoints(session: ApiSession, points: number): Promise<number> {
  const user = await session.registerUser();
  if (points > 0) await grant(session.bot, user.id, points);
  return user.id;
}

export async function grant(bot: ApiClient, userId: number, points: number): Promise<void> {
  const granted = await bot.post(`/users/${userId}/points`, { points });
  expect(granted.status).toBe(201);
}
