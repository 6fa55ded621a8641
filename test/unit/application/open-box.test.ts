import { RecordedEvents } from '../../support/recorded-events';
import { OpenBox, OpenBoxInput } from '../../../src/application/open-box';
import { BOX_RULES } from '../../../src/domain/box';
import { anAttendance } from '../../support/builders/attendance';
import { FixedRandom } from '../../support/fixed-random';
import { openStore, StoreFixture } from './store-fixture';

describe('OpenBox', () => {
  let store: StoreFixture;
  let random: FixedRandom;

  beforeEach(async () => {
    store = await openStore();
    random = new FixedRandom(0);
  });

  const holdKeys = (keyCount: number) =>
    store.uow.run((tx) =>
      tx.attendances.save(
        anAttendance().with({ discordId: store.discordId }).withKeys(keyCount).build(),
        store.clock.now(),
      ),
    );
  const open = (input: Partial<OpenBoxInput> = {}) =>
    new OpenBox(store.uow, store.clock, random, new RecordedEvents()).execute({
      discordId: store.discordId,
      box: 'bronze',
      premium: false,
      source: 'client:attendance-bot',
      ...input,
    });
  const keys = () => store.uow.snapshot().attendances.get(store.discordId)?.keyCount;

  it('spends the keys and credits the drawn prize with an attendance_box receipt', async () => {
    await holdKeys(10);
    random.set(0.95); // the last 7% of bronze: 20 points
    const opened = await open();
    if (!opened.ok) throw new Error(opened.failure.type);
    expect(opened.value).toMatchObject({ prize: 20, keyCount: 7, points: 20 });
    expect(opened.value.receipt).toMatchObject({
      kind: 'attendance_box',
      delta: 20,
      balanceBefore: 0,
      balanceAfter: 20,
      source: 'client:attendance-bot',
    });
    expect(keys()).toBe(7);
    expect(store.balance()).toBe(store.ledgerSum());
  });

  it.each([
    ['silver', false, 6],
    ['silver', true, 5],
    ['gold', false, 10],
    ['gold', true, 8],
  ] as const)('charges %s (premium %s) %i keys', async (box, premium, cost) => {
    await holdKeys(10);
    const opened = await open({ box, premium });
    expect(opened).toMatchObject({ ok: true, value: { prize: BOX_RULES[box].prizes[0]?.points, keyCount: 10 - cost } });
  });

  it('refuses a box the keys do not cover, keeping keys and balance', async () => {
    await holdKeys(7);
    expect(await open({ box: 'gold', premium: true })).toEqual({
      ok: false,
      failure: { type: 'NotEnoughKeys', keyCount: 7 },
    });
    expect(keys()).toBe(7);
    expect(store.balance()).toBe(0);
  });

  it('refuses a user who never checked in, and an unknown Discord id', async () => {
    expect(await open()).toEqual({ ok: false, failure: { type: 'NotEnoughKeys', keyCount: 0 } });
    expect(await open({ discordId: '100000000000000000' })).toEqual({ ok: false, failure: { type: 'UserNotFound' } });
  });

  it('opens as many boxes as the keys cover under concurrent requests', async () => {
    await holdKeys(10);
    const results = await Promise.all(Array.from({ length: 5 }, () => open()));
    expect(results.filter((result) => result.ok)).toHaveLength(3);
    expect(keys()).toBe(1);
    expect(store.balance()).toBe(3 * 3);
  });

  it('opens once for retries with the same idempotency key', async () => {
    await holdKeys(10);
    const idempotency = {
      scope: 'client:1 POST /discords/{discordId}/attendances/unpack',
      key: 'u-1',
      fingerprint: 'a',
    };
    const first = await open({ idempotency });
    random.set(0.99);
    expect(await open({ idempotency })).toEqual(first);
    expect(keys()).toBe(7);
    expect(store.balance()).toBe(3);
  });
});
