import { ForteTransactionIndex } from '../../../src/application/forte-transaction-index';
import { ForteTransactionFacts } from '../../../src/domain/reconciliation';

const facts = (transactionId: string, fields: Partial<ForteTransactionFacts> = {}): ForteTransactionFacts => ({
  transactionId,
  userId: 7,
  paid: true,
  creditedPoints: 100,
  reversedPoints: 10,
  payment: { amount: '9.99', currency: 'USD' },
  ...fields,
});

describe('ForteTransactionIndex', () => {
  it('gives back what it was given, numeric or not, ticks each off once, and lists the window it never saw', () => {
    const index = new ForteTransactionIndex();
    const held = [
      facts('774001001'),
      facts('0774001001', { payment: { amount: '1.005', currency: 'KRW' } }),
      facts('123456789012345678901', { payment: null, paid: false }),
      facts('774001002', { payment: { amount: '230', currency: 'USD' } }),
    ];
    for (let n = 0; n < 3000; n += 1) index.add(facts(String(900_000_000 + n), { userId: n }), false);
    held.forEach((entry, n) => index.add(entry, n !== 3));

    expect(index.size).toBe(3004);
    expect(index.tick('774001001')).toEqual(held[0]);
    expect(index.tick('774001001')).toBe('seen');
    expect(index.tick('0774001001')).toEqual(held[1]);
    expect(index.tick('900002999')).toEqual(facts('900002999', { userId: 2999 }));
    expect(index.tick('774009999')).toBeNull();
    expect([...index.unreported()]).toEqual([held[2]]);
    expect(index.tick('774001002')).toEqual(held[3]);
  });
});
