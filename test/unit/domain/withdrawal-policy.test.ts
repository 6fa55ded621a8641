import { decideWithdrawal, WithdrawalRequest, withdrawalRefusal } from '../../../src/domain/withdrawal-policy';
import { anItem } from '../../support/builders/item';
import { aUser } from '../../support/builders/user';
import { aUserItem } from '../../support/builders/user-item';

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;
// 15:00 KST on 2026-11-25.
const now = new Date('2026-11-25T06:00:00Z');
const hoursAgo = (hours: number): Date => new Date(now.getTime() - hours * HOUR);

const request = (fields: Partial<WithdrawalRequest> = {}): WithdrawalRequest => ({
  user: aUser().withPoints(60).build(),
  item: anItem().withPrice(40).build(),
  userItem: aUserItem().paid(40).boughtAt(hoursAgo(24)).build(),
  lastWithdrawalAt: null,
  source: 'client:lara-bot',
  externalRef: 'key-2',
  now,
  ...fields,
});

describe('decideWithdrawal', () => {
  it('refunds the price paid, not the current price, and marks the user item withdrawn', () => {
    const result = decideWithdrawal(
      request({ item: anItem().withPrice(55).build(), userItem: aUserItem().paid(40).boughtAt(hoursAgo(24)).build() }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        user: expect.objectContaining({ points: 100, updatedAt: now }),
        receipt: expect.objectContaining({
          kind: 'withdrawal',
          delta: 40,
          balanceBefore: 60,
          balanceAfter: 100,
          reason: 'withdrawal nickname-color',
          source: 'client:lara-bot',
          externalRef: 'key-2',
          createdAt: now,
        }),
        userItem: expect.objectContaining({ status: 'withdrawn', withdrawnAt: now, updatedAt: now }),
      },
    });
  });

  it('refunds a user in debt too, and keeps the debt flagged', () => {
    const result = decideWithdrawal(request({ user: aUser().withPoints(-100).build() }));
    expect(result.ok && result.value.receipt).toEqual(expect.objectContaining({ balanceAfter: -60, debt: true }));
  });

  it('answers the refusal as a WithdrawalNotAllowed with its reason', () => {
    expect(decideWithdrawal(request({ item: anItem().notWithdrawable().build() }))).toEqual({
      ok: false,
      failure: { type: 'WithdrawalNotAllowed', reason: 'not_withdrawable' },
    });
  });

  it('treats a user item of another user or item as a bug', () => {
    expect(() => decideWithdrawal(request({ user: aUser().withId(8).build() }))).toThrow(/not item/);
    expect(() => decideWithdrawal(request({ item: anItem().withId(6).build() }))).toThrow(/not item/);
  });
});

describe('withdrawalRefusal', () => {
  it('allows a withdrawable, active purchase of a day ago by a user who withdrew nothing', () => {
    expect(withdrawalRefusal(request())).toBeNull();
  });

  it('refuses an item that is not withdrawable, and one that came from Xsolla', () => {
    expect(withdrawalRefusal(request({ item: anItem().notWithdrawable().build() }))).toBe('not_withdrawable');
    const fromXsolla = aUserItem().viaXsolla().boughtAt(hoursAgo(1)).build();
    expect(withdrawalRefusal(request({ userItem: fromXsolla }))).toBe('not_withdrawable');
  });

  it.each(['consumed', 'withdrawn', 'expired'] as const)('refuses a %s user item as not active', (status) => {
    const userItem = aUserItem().withStatus(status).boughtAt(hoursAgo(1)).build();
    expect(withdrawalRefusal(request({ userItem }))).toBe('not_active');
  });

  it('refuses an active user item past its expiry as not active', () => {
    const userItem = aUserItem().boughtAt(hoursAgo(2)).expiringAt(hoursAgo(1)).build();
    expect(withdrawalRefusal(request({ userItem }))).toBe('not_active');
  });

  it('allows a purchase of 167h59m ago and refuses one of exactly 168h ago', () => {
    const lastMinute = aUserItem()
      .boughtAt(new Date(hoursAgo(168).getTime() + MINUTE))
      .build();
    expect(withdrawalRefusal(request({ userItem: lastMinute }))).toBeNull();
    const lastMillisecond = aUserItem()
      .boughtAt(new Date(hoursAgo(168).getTime() + 1))
      .build();
    expect(withdrawalRefusal(request({ userItem: lastMillisecond }))).toBeNull();
    expect(withdrawalRefusal(request({ userItem: aUserItem().boughtAt(hoursAgo(168)).build() }))).toBe('too_late');
  });

  describe('one withdrawal per Asia/Seoul day', () => {
    const lastSecondOfDay = new Date('2026-11-25T14:59:59Z'); // 23:59:59 KST
    const midnight = new Date('2026-11-25T15:00:00Z'); // 00:00 KST on the 26th
    const at = (when: Date, lastWithdrawalAt: Date): WithdrawalRequest =>
      request({ now: when, lastWithdrawalAt, userItem: aUserItem().boughtAt(hoursAgo(1)).build() });

    it('refuses a second withdrawal on the same Seoul day, even on another UTC date', () => {
      expect(withdrawalRefusal(at(lastSecondOfDay, new Date('2026-11-24T15:00:00Z')))).toBe('daily_limit');
    });

    it('allows it again from 00:00 KST', () => {
      expect(withdrawalRefusal(at(midnight, lastSecondOfDay))).toBeNull();
      expect(withdrawalRefusal(at(new Date(midnight.getTime() - 1), lastSecondOfDay))).toBe('daily_limit');
    });

    it('allows it the next Seoul day even on the same UTC date', () => {
      expect(withdrawalRefusal(at(new Date('2026-11-25T16:00:00Z'), new Date('2026-11-25T01:00:00Z')))).toBeNull();
    });
  });

  describe('reports the first broken rule, in the order not_withdrawable, not_active, too_late, daily_limit', () => {
    const everyRuleBroken = (): WithdrawalRequest =>
      request({
        item: anItem().notWithdrawable().build(),
        userItem: aUserItem().withStatus('consumed').boughtAt(hoursAgo(200)).build(),
        lastWithdrawalAt: hoursAgo(1),
      });

    it('not_withdrawable first', () => {
      expect(withdrawalRefusal(everyRuleBroken())).toBe('not_withdrawable');
    });

    it('then not_active', () => {
      expect(withdrawalRefusal({ ...everyRuleBroken(), item: anItem().build() })).toBe('not_active');
    });

    it('then too_late', () => {
      const old = aUserItem().boughtAt(hoursAgo(200)).build();
      expect(withdrawalRefusal({ ...everyRuleBroken(), item: anItem().build(), userItem: old })).toBe('too_late');
    });

    it('then daily_limit', () => {
      const recent = aUserItem().boughtAt(hoursAgo(1)).build();
      expect(withdrawalRefusal({ ...everyRuleBroken(), item: anItem().build(), userItem: recent })).toBe('daily_limit');
    });
  });
});
