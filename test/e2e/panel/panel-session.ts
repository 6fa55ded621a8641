import { Clock } from '../../../src/application/ports/clock';
import { SCOPES } from '../../../src/domain/scope';
import { DiscordAccount } from '../../support/discord-emulator';
import { PanelApp, startPanelApp } from '../../support/panel-app';
import { ApiClient } from '../http/api-client';
import { aDiscordId } from '../http/discord-ids';
import { stockItemThrough } from '../http/store-shelf';
import { PanelVisitor } from './panel-visitor';

/** A user registered through a bot, and the Discord account that signs in as them. */
export interface PanelMember {
  userId: number;
  account: DiscordAccount;
}

export interface PanelSession {
  panel: PanelApp;
  /** A bot with every scope: it registers users, grants points and buys items for them, as in production. */
  bot: ApiClient;
  visitor(): PanelVisitor;
  /** Registers a user through the bot, with `points` granted. */
  member(points?: number, name?: string): Promise<PanelMember>;
  /** Stocks an item and buys it for the member through the bot; answers the user item id. */
  buy(member: PanelMember, fields?: { price?: number; withdrawable?: boolean; name?: string }): Promise<number>;
  /** The member's balance and user items as the bot API tells them. */
  stateOf(member: PanelMember): Promise<{ points: number; receipts: number; items: { id: number; status: string }[] }>;
}

/** The panel app for one test file: started before its tests, closed after them. */
export function usePanelSession(options: { clock?: Clock } = {}): PanelSession {
  const session = {} as PanelSession;
  beforeAll(async () => {
    session.panel = await startPanelApp(options);
    const token = await session.panel.app.createClient('lara-bot', [...SCOPES]);
    session.bot = ApiClient.bearer(session.panel.app.baseUrl, token);
  });
  afterAll(() => session.panel?.close());

  session.visitor = () => new PanelVisitor(session.panel);
  session.member = async (points = 0, name = 'lara') => {
    const account = { id: aDiscordId(), username: name };
    const registered = await session.bot.post('/users', { discord_id: account.id, name });
    expect(registered.status).toBe(201);
    const userId = registered.body.id as number;
    if (points !== 0) expect((await session.bot.post(`/users/${userId}/points`, { points })).status).toBe(201);
    return { userId, account };
  };
  session.buy = async (member, fields = {}) => {
    const itemId = await stockItemThrough(session.panel.app, { price: 40, ...fields });
    const bought = await session.bot.post(`/users/${member.userId}/items`, { item_id: itemId });
    expect(bought.status).toBe(201);
    return bought.body.user_item.id as number;
  };
  session.stateOf = async (member) => {
    const user = await session.bot.get(`/users/${member.userId}`);
    const receipts = await session.bot.get(`/users/${member.userId}/receipts?limit=100`);
    const items = await session.bot.get(`/users/${member.userId}/items?limit=100`);
    return {
      points: user.body.points as number,
      receipts: (receipts.body.data as unknown[]).length,
      items: (items.body.data as { id: number; status: string }[]).map(({ id, status }) => ({ id, status })),
    };
  };
  return session;
}
