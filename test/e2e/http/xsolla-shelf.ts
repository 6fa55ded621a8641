import { Knex } from 'knex';
import { SCOPES } from '../../../src/domain/scope';
import { startTestApp, TestApp } from '../../support/test-app';
import {
  aimedFixture,
  sendWebhook,
  WebhookAnswer,
  XSOLLA_TEST_SECRET,
  XsollaFixture,
} from '../../support/xsolla-webhooks';
import { allReceipts, WireReceipt } from './all-receipts';
import { ApiClient } from './api-client';
import { aDiscordId } from './discord-ids';
import { stockItemThrough } from './store-shelf';

/** The SKUs the webhook fixtures buy. */
export const FIXTURE_SKUS = ['test_item1', 'virtual-good-item_test', 'virtual-good-item_test_bundle'] as const;

export interface XsollaShelf {
  app: TestApp;
  bot: ApiClient;
  webhookUrl: string;
  /** Item ids by SKU. */
  items: Record<(typeof FIXTURE_SKUS)[number], number>;
  newUser(): Promise<number>;
  /** Sends a fixture aimed at the user and transaction (or `id_operation`), signed with the test secret. */
  send(name: XsollaFixture, userId: number, id: string, fields?: Record<string, unknown>): Promise<WebhookAnswer>;
  /** What the API shows of a user: balance, receipts oldest first, items. */
  ledgerOf(userId: number): Promise<UserLedger>;
}

export interface UserLedger {
  points: number;
  receipts: (WireReceipt & { external_ref: string | null })[];
  items: { item_id: number; status: string; acquired_via: string }[];
}

/** A Forte test app that takes Xsolla webhooks signed with the test secret, its catalogue holding the fixtures' SKUs. */
export function useXsollaShelf(env: Record<string, string> = {}, databaseUrl?: (url: string) => string): XsollaShelf {
  const shelf = {} as XsollaShelf;
  beforeAll(async () => {
    shelf.app = await startTestApp({ env: { XSOLLA_PROJECT_SECRET: XSOLLA_TEST_SECRET, ...env }, databaseUrl });
    shelf.bot = ApiClient.bearer(shelf.app.baseUrl, await shelf.app.createClient('lara-bot', [...SCOPES]));
    shelf.webhookUrl = `${shelf.app.baseUrl}/xsolla`;
    const ids = await Promise.all(FIXTURE_SKUS.map((sku) => stockItemThrough(shelf.app, { sku })));
    shelf.items = Object.fromEntries(FIXTURE_SKUS.map((sku, n) => [sku, ids[n]])) as XsollaShelf['items'];
    shelf.newUser = async () => {
      const registered = await shelf.bot.post('/users', { discord_id: aDiscordId(), name: 'payer' });
      expect(registered.status).toBe(201);
      return registered.body.id as number;
    };
    shelf.send = (name, userId, id, fields) => sendWebhook(shelf.webhookUrl, aimedFixture(name, userId, id, fields));
    shelf.ledgerOf = async (userId) => {
      const user = await shelf.bot.get(`/users/${userId}`);
      const items = await shelf.bot.get(`/users/${userId}/items?limit=100`);
      const receipts = (await allReceipts(shelf.bot, userId)) as UserLedger['receipts'];
      return { points: user.body.points, receipts: receipts.reverse(), items: items.body.data.reverse() };
    };
  });
  afterAll(() => shelf.app?.close());
  return shelf;
}

let transactions = 0;

/** A Xsolla transaction id no other test uses. */
export const aTransactionId = (): string => {
  transactions += 1;
  return String(774_100_000 + transactions);
};

/** Rows of the tables a webhook may write, to show that a refusal wrote nothing. */
export async function storedEffects(knex: Knex): Promise<Record<string, number>> {
  const tables = ['receipts', 'user_items', 'xsolla_operations', 'xsolla_transactions'];
  const counts = await Promise.all(tables.map((table) => knex(table).count({ n: '*' })));
  const points = await knex('users').sum({ total: 'points' });
  return {
    ...Object.fromEntries(tables.map((table, n) => [table, Number(counts[n]?.[0]?.n)])),
    points: Number(points[0]?.total ?? 0),
  };
}
