import { DiscordIdentity } from '../../../src/application/ports/discord-identity';
import { ReviewInventory } from '../../../src/application/review-inventory';
import { SignInWithDiscord } from '../../../src/application/sign-in-with-discord';
import { WithdrawPurchase } from '../../../src/application/withdraw-purchase';
import { DeleteUser } from '../../../src/application/delete-user';
import { fail, ok } from '../../../src/domain/result';
import { anItemDraft } from '../../support/builders/item';
import { RecordedEvents } from '../../support/recorded-events';
import { openStore, StoreFixture } from './store-fixture';

/** Discord as a fake that vouches for one account per code, or refuses as told. */
const discordSaying = (answer: Awaited<ReturnType<DiscordIdentity['identify']>>): DiscordIdentity => ({
  identify: () => Promise.resolve(answer),
});

describe('SignInWithDiscord', () => {
  let store: StoreFixture;
  beforeEach(async () => {
    store = await openStore();
  });

  it('answers the Forte user registered with the Discord account that authorized the code', async () => {
    const signIn = new SignInWithDiscord(
      discordSaying(ok({ discordId: store.discordId, username: 'lara' })),
      store.uow,
    );
    expect(await signIn.execute({ code: 'c', redirectUri: 'r' })).toMatchObject({
      ok: true,
      value: { id: store.userId, discordId: store.discordId },
    });
  });

  it('answers DiscordUserNotRegistered for an unknown, a deleted or a malformed Discord id', async () => {
    const signInAs = (discordId: string) =>
      new SignInWithDiscord(discordSaying(ok({ discordId, username: 'x' })), store.uow).execute({
        code: 'c',
        redirectUri: 'r',
      });
    const notRegistered = { ok: false, failure: { type: 'DiscordUserNotRegistered' } };
    expect(await signInAs('368003617146889999')).toEqual(notRegistered);
    expect(await signInAs('not-a-snowflake')).toEqual(notRegistered);
    await new DeleteUser(store.uow, store.clock).execute({ id: store.userId });
    expect(await signInAs(store.discordId)).toEqual(notRegistered);
  });

  it("passes Discord's refusals on", async () => {
    for (const type of ['DiscordCodeRejected', 'DiscordUnavailable'] as const) {
      const signIn = new SignInWithDiscord(discordSaying(fail({ type })), store.uow);
      expect(await signIn.execute({ code: 'c', redirectUri: 'r' })).toEqual({ ok: false, failure: { type } });
    }
  });
});

describe('ReviewInventory', () => {
  let store: StoreFixture;
  beforeEach(async () => {
    store = await openStore();
    await store.grant(1000);
  });

  const review = () => new ReviewInventory(store.uow, store.clock).execute({ userId: store.userId, limit: 20 });
  const refusals = async () => {
    const page = await review();
    if (!page.ok) throw new Error(page.failure.type);
    return page.value.data.map((entry) => [entry.item.sku, entry.userItem.status, entry.withdrawalRefusal]);
  };

  it('lists each item with its catalogue entry and the withdrawal rule it breaks now, if any', async () => {
    await store.buy(anItemDraft().with({ sku: 'kept' }));
    await store.buy(anItemDraft().with({ sku: 'final-sale', withdrawable: false }));
    expect(await refusals()).toEqual([
      ['final-sale', 'active', 'not_withdrawable'],
      ['kept', 'active', null],
    ]);
  });

  it('reads the daily limit, as the withdrawal itself would, once one item is withdrawn today', async () => {
    const first = await store.buy(anItemDraft().with({ sku: 'first' }));
    await store.buy(anItemDraft().with({ sku: 'second' }));
    const withdrawn = await new WithdrawPurchase(store.uow, store.clock, new RecordedEvents()).execute({
      userId: store.userId,
      userItemId: first.id,
      source: 'panel',
    });
    expect(withdrawn.ok).toBe(true);
    expect(await refusals()).toEqual([
      ['second', 'active', 'daily_limit'],
      ['first', 'withdrawn', 'not_active'],
    ]);
  });

  it('refuses an unknown user and a forged cursor like the plain list does', async () => {
    const unknown = new ReviewInventory(store.uow, store.clock).execute({ userId: store.userId + 1, limit: 20 });
    expect(await unknown).toEqual({ ok: false, failure: { type: 'UserNotFound' } });
    const forged = new ReviewInventory(store.uow, store.clock).execute({
      userId: store.userId,
      limit: 20,
      cursor: 'x',
    });
    expect(await forged).toEqual({ ok: false, failure: { type: 'InvalidCursor' } });
  });
});
