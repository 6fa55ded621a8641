import { balanceViolations, receiptViolations, userItemViolations } from '../../../src/domain/ledger-invariants';

const receipt = (fields: Partial<Parameters<typeof receiptViolations>[0]> = {}) => ({
  id: 9,
  userId: 7,
  delta: 30,
  balanceBefore: 70,
  balanceAfter: 100,
  debt: false,
  ...fields,
});

describe('the ledger invariants', () => {
  it('accept a receipt that adds up and chains on from the one before', () => {
    expect(receiptViolations(receipt(), 70)).toEqual([]);
  });

  it('name a receipt that does not add up, a broken chain and a wrong debt flag', () => {
    expect(receiptViolations(receipt({ balanceAfter: 101 }), 70).map((v) => v.invariant)).toEqual(['receipt_adds_up']);
    expect(receiptViolations(receipt(), 60)).toEqual([
      {
        invariant: 'receipt_chain_unbroken',
        userId: 7,
        receiptId: 9,
        details: { expected_balance_before: 60, balance_before: 70, delta: 30, balance_after: 100 },
      },
    ]);
    expect(receiptViolations(receipt({ debt: true }), 70).map((v) => v.invariant)).toEqual([
      'debt_flag_matches_balance',
    ]);
    const debt = receipt({ delta: -150, balanceBefore: 100, balanceAfter: -50, debt: true });
    expect(receiptViolations(debt, 100)).toEqual([]);
  });

  it('want the balance to be the sum of the receipts, and below zero only after a flagged debt', () => {
    expect(balanceViolations({ id: 7, points: 100 }, 100, receipt())).toEqual([]);
    expect(balanceViolations({ id: 7, points: 0 }, 0, null)).toEqual([]);
    expect(balanceViolations({ id: 7, points: 150 }, 100, receipt()).map((v) => v.invariant)).toEqual([
      'balance_is_sum_of_receipts',
    ]);
    const debt = receipt({ delta: -150, balanceBefore: 100, balanceAfter: -50, debt: true });
    expect(balanceViolations({ id: 7, points: -50 }, -50, debt)).toEqual([]);
    expect(
      balanceViolations({ id: 7, points: -50 }, -50, receipt({ balanceAfter: -50 })).map((v) => v.invariant),
    ).toEqual(['no_negative_balance_but_debts']);
  });

  it("tie an item bought with points to its own user's purchase receipt of its price", () => {
    const bought = { id: 3, userId: 7, receiptId: 9, pricePaid: 40, acquiredVia: 'points' as const };
    expect(userItemViolations({ ...bought, receipt: { userId: 7, kind: 'purchase', delta: -40 } })).toEqual([]);
    for (const wrong of [
      null,
      { userId: 8, kind: 'purchase', delta: -40 },
      { userId: 7, kind: 'grant', delta: -40 },
      { userId: 7, kind: 'purchase', delta: -39 },
    ]) {
      expect(userItemViolations({ ...bought, receipt: wrong }).map((v) => v.invariant)).toEqual([
        'user_item_tied_to_receipt',
      ]);
    }
    const fromXsolla = {
      id: 4,
      userId: 7,
      receiptId: null,
      pricePaid: 0,
      acquiredVia: 'xsolla' as const,
      receipt: null,
    };
    expect(userItemViolations(fromXsolla)).toEqual([]);
  });
});
