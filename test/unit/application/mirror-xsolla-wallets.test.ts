import { MirrorSettings, MirrorXsollaWallets } from '../../../src/application/mirror-xsolla-wallets';
import { anItemDraft } from '../../support/builders/item';
import { FixedRandom } from '../../support/fixed-random';
import { RecordingWallet } from '../../support/recording-wallet';
import { openStore, StoreFixture } from './store-fixture';

const SETTINGS: MirrorSettings = { owner: 'test', leaseMs: 40_000, batch: 10, retryBaseMs: 1000, retryCapMs: 60_000 };

describe('MirrorXsollaWallets', () => {
  let store: StoreFixture;
  let wallet: RecordingWallet;
  let mirror: MirrorXsollaWallets;
  beforeEach(async () => {
    store = await openStore();
    wallet = new RecordingWallet();
    mirror = new MirrorXsollaWallets(store.uow, wallet, store.clock, new FixedRandom(0.5), SETTINGS);
  });

  const xsolla = () => wallet.balances.get(String(store.userId));
  const backlog = () => store.uow.snapshot().outbox.length;

  it("queues every balance change with its posting, and brings Xsolla's wallet to the balance", async () => {
    await store.grant(30);
    expect(backlog()).toBe(1);

    expect(await mirror.runOnce()).toEqual({ converged: 1, failed: 0, skipped: 0 });

    expect(xsolla()).toBe(30);
    expect(wallet.recharges).toEqual([{ userId: String(store.userId), amount: 30 }]);
    expect(backlog()).toBe(0);
  });

  it('covers many changes with one recharge of the difference, and nothing when nothing differs', async () => {
    await store.grant(30);
    await mirror.runOnce();
    await store.grant(50);
    await store.buy(anItemDraft().with({ price: 20 }));

    await mirror.runOnce();
    expect(wallet.recharges.map((recharge) => recharge.amount)).toEqual([30, 30]);
    expect(xsolla()).toBe(60);

    await store.grant(5);
    await store.grant(-5);
    await mirror.runOnce();
    expect(wallet.recharges).toHaveLength(2);
    expect(backlog()).toBe(0);
  });

  it('recharges the difference again when Xsolla answers another balance than expected', async () => {
    await store.grant(30);
    wallet.beforeRecharge = () => wallet.balances.set(String(store.userId), 12);

    await mirror.runOnce();

    expect(wallet.recharges.map((recharge) => recharge.amount)).toEqual([30, -12]);
    expect(xsolla()).toBe(30);
  });

  it('recharges from the balance Xsolla holds, which its own payments and refunds change', async () => {
    const user = String(store.userId);
    wallet.balances.set(user, 30); // Xsolla credited a payment before Forte's mirror ever ran
    await store.grant(30);
    await store.grant(-30);

    await mirror.runOnce();
    expect(wallet.recharges).toEqual([{ userId: user, amount: -30 }]);
    expect(xsolla()).toBe(0);

    await store.grant(30);
    await mirror.runOnce();
    wallet.balances.set(user, 0); // Xsolla refunded that payment on its own
    await store.grant(-30);
    await mirror.runOnce();
    expect(wallet.recharges.map((recharge) => recharge.amount)).toEqual([-30, 30]);
    expect(xsolla()).toBe(0);
    expect(backlog()).toBe(0);
  });

  it('keeps a debt out of Xsolla: a balance below zero is mirrored as 0', async () => {
    await store.grant(30);
    await mirror.runOnce();
    await store.uow.run(async (tx) => {
      const user = await tx.users.lockById(store.userId);
      await tx.ledger.post({
        userId: store.userId,
        kind: 'xsolla_refund',
        delta: -40,
        balanceBefore: user?.points ?? 0,
        balanceAfter: (user?.points ?? 0) - 40,
        reason: 'xsolla refund 1',
        source: 'xsolla',
        externalRef: '1',
        debt: true,
        createdAt: store.clock.now(),
      });
    });

    await mirror.runOnce();

    expect(xsolla()).toBe(0);
  });

  it('backs off after a failure, keeping the changes, and converges once Xsolla answers again', async () => {
    await store.grant(30);
    wallet.failure = { type: 'XsollaUnavailable', reason: 'Xsolla answered 500' };

    expect(await mirror.runOnce()).toEqual({ converged: 0, failed: 1, skipped: 0 });
    expect(backlog()).toBe(1);
    const [failing] = store.uow.snapshot().wallets.values();
    expect(failing).toMatchObject({
      attempts: 1,
      lastError: 'Xsolla unavailable: Xsolla answered 500',
      leaseUntil: null,
      nextAttemptAt: new Date(store.clock.now().getTime() + 1000),
    });

    wallet.failure = null;
    expect(await mirror.runOnce()).toEqual({ converged: 0, failed: 0, skipped: 0 });
    store.clock.advance(1000);
    expect(await mirror.runOnce()).toEqual({ converged: 1, failed: 0, skipped: 0 });
    expect(xsolla()).toBe(30);
    expect(store.uow.snapshot().wallets.get(store.userId)).toMatchObject({ attempts: 0, lastError: null });
  });

  it('waits longer after each failure in a row, up to the cap', async () => {
    await store.grant(30);
    wallet.failure = { type: 'XsollaUnavailable', reason: 'down' };
    const waits: number[] = [];
    for (let n = 0; n < 8; n += 1) {
      await mirror.runOnce();
      const next = store.uow.snapshot().wallets.get(store.userId)?.nextAttemptAt;
      waits.push((next?.getTime() ?? 0) - store.clock.now().getTime());
      store.clock.advance(waits.at(-1) ?? 0);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
  });

  it('leaves a wallet another worker holds, and stops when its own claim was taken over', async () => {
    await store.grant(30);
    const other = new MirrorXsollaWallets(store.uow, wallet, store.clock, new FixedRandom(0.5), {
      ...SETTINGS,
      owner: 'other',
    });
    const held = await store.uow.run((tx) =>
      tx.walletMirror.claim(store.userId, 'other', store.clock.now(), new Date(store.clock.now().getTime() + 40_000)),
    );
    expect(held).not.toBeNull();

    expect(await mirror.runOnce()).toEqual({ converged: 0, failed: 0, skipped: 0 });
    expect(wallet.recharges).toEqual([]);

    store.clock.advance(40_000);
    expect(await other.runOnce()).toEqual({ converged: 1, failed: 0, skipped: 0 });
    expect(held && (await store.uow.run((tx) => tx.walletMirror.settle(held, [], store.clock.now())))).toBe(false);
  });
});
