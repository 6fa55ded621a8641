import { changeBalance, BalanceChange } from '../../../src/domain/points';
import { User } from '../../../src/domain/user';

const at = new Date('2026-11-01T00:00:00Z');
const user = (points: number): User => ({
  id: 7,
  discordId: '368003617146880001',
  name: 'lara',
  email: null,
  points,
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
});
const grant = (delta: number, extra: Partial<BalanceChange> = {}): BalanceChange => ({
  kind: 'grant',
  delta,
  reason: 'bot grant',
  source: 'client:lara-bot',
  externalRef: null,
  at,
  ...extra,
});

describe('changeBalance', () => {
  it('adds a grant and explains it with a receipt', () => {
    const result = changeBalance(user(100), grant(-30));
    expect(result).toEqual({
      ok: true,
      value: {
        user: expect.objectContaining({ points: 70 }),
        receipt: expect.objectContaining({ delta: -30, balanceBefore: 100, balanceAfter: 70, debt: false }),
      },
    });
  });

  it('refuses to take the balance below zero', () => {
    expect(changeBalance(user(29), grant(-30))).toEqual({
      ok: false,
      failure: { type: 'InsufficientPoints', balance: 29, required: 30 },
    });
  });

  it('lets a balance reach exactly zero', () => {
    const result = changeBalance(user(30), grant(-30));
    expect(result.ok && result.value.user.points).toBe(0);
  });

  it('records a forced overdraw as a debt', () => {
    const result = changeBalance(user(10), grant(-30, { kind: 'xsolla_refund', mayOverdraw: true }));
    expect(result.ok && result.value.receipt).toEqual(expect.objectContaining({ balanceAfter: -20, debt: true }));
  });

  it('does not let a user in debt spend', () => {
    expect(changeBalance(user(-20), grant(-1)).ok).toBe(false);
  });

  it('refuses a balance beyond the safe integer range', () => {
    expect(changeBalance(user(Number.MAX_SAFE_INTEGER), grant(1))).toEqual({
      ok: false,
      failure: { type: 'BalanceOutOfRange' },
    });
  });

  it('treats a fractional delta as a bug, not a business failure', () => {
    expect(() => changeBalance(user(1), grant(0.5))).toThrow(/safe integer/);
  });
});

describe('changeBalance on a user in debt', () => {
  it('lands a credit that only shrinks the debt', () => {
    const result = changeBalance(user(-50), grant(20));
    expect(result.ok && result.value.receipt).toEqual(expect.objectContaining({ balanceAfter: -30, debt: true }));
  });
});
