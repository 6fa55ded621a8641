import fc from 'fast-check';
import { AuditLedger } from '../../../src/application/audit-ledger';
import { ChangePoints } from '../../../src/application/change-points';
import { CheckIn } from '../../../src/application/check-in';
import { OpenBox } from '../../../src/application/open-box';
import { PurchaseItem } from '../../../src/application/purchase-item';
import { WithdrawPurchase } from '../../../src/application/withdraw-purchase';
import { BOXES } from '../../../src/domain/box';
import { anItemDraft } from '../../support/builders/item';
import { FixedRandom } from '../../support/fixed-random';
import { RecordedEvents } from '../../support/recorded-events';
import { aPayment, aRefund, goods } from '../../support/xsolla-notifications';
import { openXsollaStore, XsollaStore } from './xsolla-fixture';

/** One step of what the bots, Xsolla and time do to two users' ledgers. */
type Operation =
  | { kind: 'grant'; user: number; points: number; key: number | null }
  | { kind: 'buy'; user: number; item: number; key: number | null }
  | { kind: 'withdraw'; user: number; nth: number; key: number | null }
  | { kind: 'checkIn'; user: number }
  | { kind: 'box'; user: number; box: (typeof BOXES)[number]; premium: boolean; draw: number; key: number | null }
  | { kind: 'payment'; user: number; transaction: number; points: number }
  | { kind: 'refund'; user: number; transaction: number }
  | { kind: 'time'; hours: number };

const user = fc.integer({ min: 0, max: 1 });
/** A few keys shared by all requests, so that replays and keys reused for other requests come up. */
const key = fc.option(fc.integer({ min: 0, max: 15 }), { nil: null, freq: 2 });

const anOperation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    kind: fc.constant('grant' as const),
    user,
    points: fc.integer({ min: -150, max: 500 }).filter((n) => n !== 0),
    key,
  }),
  fc.record({ kind: fc.constant('buy' as const), user, item: fc.integer({ min: 0, max: 2 }), key }),
  { arbitrary: fc.record({ kind: fc.constant('withdraw' as const), user, nth: fc.nat({ max: 5 }), key }), weight: 3 },
  fc.record({ kind: fc.constant('checkIn' as const), user }),
  fc.record({
    kind: fc.constant('box' as const),
    user,
    box: fc.constantFrom(...BOXES),
    premium: fc.boolean(),
    draw: fc.double({ min: 0, max: 0.999, noNaN: true }),
    key,
  }),
  fc.record({
    kind: fc.constant('payment' as const),
    user,
    transaction: fc.integer({ min: 1, max: 4 }),
    points: fc.integer({ min: 0, max: 400 }),
  }),
  fc.record({ kind: fc.constant('refund' as const), user, transaction: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('time' as const), hours: fc.integer({ min: 1, max: 30 }) }),
);

interface World {
  store: XsollaStore;
  users: { id: number; discordId: string }[];
  items: number[];
  random: FixedRandom;
  /** Runs the operation; whether it was applied (false: refused, or nothing to withdraw). */
  run(operation: Operation): Promise<boolean>;
}

async function aWorld(): Promise<World> {
  const store = await openXsollaStore();
  const other = await store.registerAnother();
  const users = [
    { id: store.userId, discordId: store.discordId },
    { id: other, discordId: '368003617146880002' },
  ];
  const items = await Promise.all(
    [10, 60, 300].map(async (price, n) => (await store.stock(anItemDraft().with({ sku: `p${n}`, price }))).id),
  );
  // And keys to open boxes with (check-ins add one a day, up to 10).
  for (const { discordId } of users) {
    await store.uow.run((tx) =>
      tx.attendances.save({ discordId, keyCount: 9, checkInCount: 9, lastCheckedInAt: null }, store.clock.now()),
    );
  }
  const random = new FixedRandom();
  const events = new RecordedEvents();
  const { uow, clock } = store;
  const changePoints = new ChangePoints(uow, clock, events);
  const purchase = new PurchaseItem(uow, clock, events);
  const withdraw = new WithdrawPurchase(uow, clock, events);
  const checkIn = new CheckIn(uow, clock);
  const openBox = new OpenBox(uow, clock, random, events);
  // Points to spend from the start, granted as any grant is (a receipt).
  for (const { id } of users) await changePoints.execute({ userId: id, points: 1000, source: 'cli' });
  const idempotency = (keyNo: number | null, fingerprint: string) =>
    keyNo === null ? undefined : { scope: 'client:prop', key: `k${keyNo}`, fingerprint };
  const userItemsOf = (userId: number) =>
    [...store.uow.snapshot().userItems.values()].filter(
      (userItem) => userItem.userId === userId && userItem.status === 'active',
    );

  const run = async (op: Operation): Promise<boolean> => {
    switch (op.kind) {
      case 'grant': {
        const { id } = users[op.user]!;
        return (
          await changePoints.execute({
            userId: id,
            points: op.points,
            source: 'client:prop',
            idempotency: idempotency(op.key, `grant ${id} ${op.points}`),
          })
        ).ok;
      }
      case 'buy': {
        const { id } = users[op.user]!;
        const itemId = items[op.item]!;
        return (
          await purchase.execute({
            userId: id,
            itemId,
            source: 'client:prop',
            idempotency: idempotency(op.key, `buy ${id} ${itemId}`),
          })
        ).ok;
      }
      case 'withdraw': {
        const { id } = users[op.user]!;
        const owned = userItemsOf(id);
        if (owned.length === 0) return false;
        const userItemId = owned[op.nth % owned.length]!.id;
        return (
          await withdraw.execute({
            userId: id,
            userItemId,
            source: 'client:prop',
            idempotency: idempotency(op.key, `withdraw ${id} ${userItemId}`),
          })
        ).ok;
      }
      case 'checkIn':
        return (await checkIn.execute({ discordId: users[op.user]!.discordId })).ok;
      case 'box': {
        const { discordId } = users[op.user]!;
        random.set(op.draw);
        return (
          await openBox.execute({
            discordId,
            box: op.box,
            premium: op.premium,
            source: 'client:prop',
            idempotency: idempotency(op.key, `box ${discordId} ${op.box} ${op.premium}`),
          })
        ).ok;
      }
      case 'payment':
        return (await store.handle(aPayment(users[op.user]!.id, `77400${op.transaction}`, goods(op.points)))).ok;
      case 'refund':
        return (await store.handle(aRefund(users[op.user]!.id, `77400${op.transaction}`))).ok;
      case 'time':
        clock.advance(op.hours * 3600_000);
        return true;
    }
  };
  return { store, users, items, random, run };
}

describe('random sequences of ledger operations (grants, deductions, purchases, withdrawals, boxes, Xsolla)', () => {
  it('keep every invariant of the ledger after every step, whatever each operation answered', async () => {
    const applied = new Map<Operation['kind'], number>();
    await fc.assert(
      fc.asyncProperty(fc.array(anOperation, { minLength: 1, maxLength: 40 }), async (operations) => {
        const world = await aWorld();
        const audit = new AuditLedger(world.store.uow);
        for (const operation of operations) {
          if (await world.run(operation)) applied.set(operation.kind, (applied.get(operation.kind) ?? 0) + 1);
          const report = await audit.execute();
          expect(report.violations).toEqual([]);
          expect(report.ok).toBe(true);
        }
        const receipts = world.store.uow.snapshot().receipts;
        for (const { id } of world.users) {
          const sum = receipts.filter((receipt) => receipt.userId === id).reduce((total, r) => total + r.delta, 0);
          expect(world.store.uow.snapshot().users.get(id)?.points).toBe(sum);
        }
      }),
      { numRuns: 200 },
    );
    // Not a property of refusals only: every kind of operation was applied many times over the runs.
    const rarelyApplied = ['grant', 'buy', 'withdraw', 'checkIn', 'box', 'payment', 'refund'].filter(
      (kind) => (applied.get(kind as Operation['kind']) ?? 0) <= 10,
    );
    expect({ rarelyApplied, applied }).toEqual({ rarelyApplied: [], applied });
  });
});
