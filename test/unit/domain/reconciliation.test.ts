import {
  addDecimals,
  balanceDrift,
  canonicalAmount,
  compareTransaction,
  ForteTransactionFacts,
  missingInXsolla,
  reconciliationWindow,
  ReportedTransaction,
  walletEffectOf,
} from '../../../src/domain/reconciliation';

const reported = (fields: Partial<ReportedTransaction> = {}): ReportedTransaction => ({
  transactionId: '774001001',
  userRef: '7',
  date: '2026-11-20',
  status: 'done',
  points: 100,
  items: [],
  payment: { amount: '9.99', currency: 'USD' },
  dryRun: false,
  ...fields,
});

const forte = (fields: Partial<ForteTransactionFacts> = {}): ForteTransactionFacts => ({
  transactionId: '774001001',
  userId: 7,
  paid: true,
  creditedPoints: 100,
  reversedPoints: 0,
  payment: { amount: '9.990', currency: 'usd' },
  ...fields,
});

const categories = (found: { category: string; repair: string | null }[]) =>
  found.map(({ category, repair }) => `${category}:${repair ?? 'human'}`);

describe('compareTransaction', () => {
  it('finds nothing when both agree, however the money is written', () => {
    expect(compareTransaction(reported(), forte())).toEqual([]);
    expect(compareTransaction(reported({ status: 'canceled' }), forte({ reversedPoints: 100 }))).toEqual([]);
  });

  it('a payment Forte never credited is missing in Forte, repaired by a credit of the points Xsolla reports', () => {
    const [missing, ...rest] = compareTransaction(reported(), null);
    expect(rest).toEqual([]);
    expect(missing).toMatchObject({ category: 'missing_in_forte', points: 100, repair: 'credit' });
    expect(categories(compareTransaction(reported(), forte({ paid: false, creditedPoints: 0 })))).toEqual([
      'missing_in_forte:credit',
    ]);
  });

  it('a transaction that is not paid at Xsolla and unknown here is no discrepancy', () => {
    for (const status of ['canceled', 'created', 'error'])
      expect(compareTransaction(reported({ status }), null)).toEqual([]);
  });

  it('a refund at Xsolla that Forte did not reverse is a status mismatch, repaired by a reversal of what is held', () => {
    const [mismatch] = compareTransaction(reported({ status: 'canceled' }), forte({ reversedPoints: 30 }));
    expect(mismatch).toMatchObject({ category: 'status_mismatch', points: -70, repair: 'reverse' });
  });

  it('the other status mismatches need a human', () => {
    expect(categories(compareTransaction(reported(), forte({ reversedPoints: 100 })))).toEqual([
      'status_mismatch:human',
    ]);
    expect(categories(compareTransaction(reported({ status: 'error' }), forte()))).toEqual(['status_mismatch:human']);
  });

  it('other points, money or user are an amount mismatch for a human, each difference named', () => {
    const [points] = compareTransaction(reported({ points: 120 }), forte());
    expect(points).toMatchObject({ category: 'amount_mismatch', points: 20, repair: null });
    expect(points?.note).toBe('120 points at Xsolla, 100 credited in Forte');
    const [money] = compareTransaction(reported({ payment: { amount: '10', currency: 'USD' } }), forte());
    expect(money?.note).toBe('paid 10 USD at Xsolla, 9.990 usd in Forte');
    const [user] = compareTransaction(reported({ userRef: '8' }), forte());
    expect(user?.note).toBe('user 8 at Xsolla, 7 in Forte');
    expect(compareTransaction(reported({ payment: null }), forte())).toEqual([]);
  });

  it('an amount mismatch of a refunded transaction is reported beside its status mismatch', () => {
    expect(categories(compareTransaction(reported({ status: 'canceled', points: 90 }), forte()))).toEqual([
      'amount_mismatch:human',
      'status_mismatch:reverse',
    ]);
  });
});

describe('missingInXsolla and balanceDrift', () => {
  it('only a paid transaction can be missing in Xsolla, for what it still holds', () => {
    expect(missingInXsolla(forte({ reversedPoints: 40 }))).toMatchObject({
      category: 'missing_in_xsolla',
      points: -60,
    });
    expect(missingInXsolla(forte({ paid: false }))).toBeNull();
  });

  it('a wallet drifts by what the transaction discrepancies do not explain', () => {
    const missed = compareTransaction(reported({ points: 40 }), null);
    const explained = missed.reduce((sum, discrepancy) => sum + walletEffectOf(discrepancy), 0);
    expect(explained).toBe(40);
    expect(balanceDrift(7, 100, 140, explained)).toBeNull();
    expect(balanceDrift(7, 100, 150, explained)).toMatchObject({
      category: 'balance_drift',
      points: 10,
      repair: 'resync',
    });
  });
});

describe('amounts', () => {
  it('are compared and added as decimals, never as floats', () => {
    expect(['4.90', '04.9', '4.9'].map(canonicalAmount)).toEqual(['4.9', '4.9', '4.9']);
    expect(['230', '230.00', '0.00', '-0.50'].map(canonicalAmount)).toEqual(['230', '230', '0', '-0.5']);
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(addDecimals('9007199254740993', '0.01')).toBe('9007199254740993.01');
    expect(addDecimals('1.5', '-2')).toBe('-0.5');
  });
});

describe('reconciliationWindow', () => {
  it('spans whole UTC days, with a margin for late webhooks', () => {
    const window = reconciliationWindow('2026-11-20', '2026-11-21');
    expect(window).toEqual({
      days: { from: '2026-11-20', to: '2026-11-21' },
      window: { from: new Date('2026-11-20T00:00:00Z'), until: new Date('2026-11-22T00:00:00Z') },
      withMargin: { from: new Date('2026-11-17T00:00:00Z'), until: new Date('2026-11-25T00:00:00Z') },
    });
  });

  it('says what is wrong with a bad one', () => {
    expect(reconciliationWindow('2026-11-21', '2026-11-20')).toBe('--from 2026-11-21 is after --to 2026-11-20');
    expect(reconciliationWindow('20261120', '2026-11-20')).toBe('--from must be a date YYYY-MM-DD, not "20261120"');
    expect(reconciliationWindow('2026-11-20', '2026-11-31')).toBe('--to must be a date YYYY-MM-DD, not "2026-11-31"');
    expect(reconciliationWindow('2026-01-01', '2026-04-03')).toBe(
      'the window 2026-01-01..2026-04-03 spans 93 days; at most 92',
    );
    expect(typeof reconciliationWindow('2026-01-01', '2026-04-02')).toBe('object');
  });
});
