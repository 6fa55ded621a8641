import { tmpdir } from 'node:os';
import { runCliOnTerminal } from '../../support/terminal';
import { aPaidTransaction, EmulatedTransaction, searchEntry } from '../../support/xsolla-emulator-reports';
import { exportFile, reconcileWith, utcToday } from '../../support/reconcile-cli';
import { useXsollaShelf } from '../http/xsolla-shelf';

// Each test runs the built CLI several times, and the machine may be busy.
jest.setTimeout(120_000);

/** A paid transaction of today, as Xsolla's transactions search reports it. */
const paid = (id: number, userId: number, points: number, amount: string): EmulatedTransaction =>
  aPaidTransaction({ id, userId, points, amount });

/** An operator's offline run on MariaDB: an export file against what the payment webhooks credited. */
describe('forte-cli reconcile --source FILE', () => {
  const shelf = useXsollaShelf();
  const reconcile = (...args: string[]) =>
    reconcileWith({ DATABASE_URL: shelf.app.runtime.config.DATABASE_URL })(utcToday(), utcToday(), ...args);

  /** What the server's /metrics says of the last finished run. */
  const lastRunMismatches = async (): Promise<number> => {
    const metrics = await (await fetch(`${shelf.app.origin}/metrics`)).text();
    return Number(/^forte_reconciliation_mismatches (\d+)$/m.exec(metrics)?.[1]);
  };

  it('names the transaction Forte never saw, credits it once under --apply with a receipt naming the run', async () => {
    const userId = await shelf.newUser();
    const credited = await shelf.send('payment', userId, '774100001', {
      'purchase.virtual_currency.quantity': 100,
      'purchase.virtual_items': null,
      'payment_details.payment': { currency: 'USD', amount: '9.99' },
    });
    expect(credited.status).toBe(204);
    const file = exportFile(
      'operator.json',
      JSON.stringify([
        searchEntry(paid(774100001, userId, 100, '9.99'), '18404'),
        searchEntry(paid(774100002, userId, 40, '3.99'), '18404'),
      ]),
    );
    const before = await shelf.ledgerOf(userId);

    const dryRun = await reconcile('--source', file);
    expect(dryRun.status).toBe(1);
    expect(dryRun.report).toMatchObject({ ok: false, applied: false, mismatches: 1 });
    expect(dryRun.report.checked).toMatchObject({ xsolla_transactions: 2, forte_transactions: 1 });
    expect(dryRun.report.discrepancies).toEqual([
      expect.objectContaining({
        category: 'missing_in_forte',
        transaction_id: '774100002',
        user_id: String(userId),
        xsolla_points: 40,
        repair: 'credit',
      }),
    ]);
    expect((await shelf.ledgerOf(userId)).points).toBe(before.points);
    expect(await lastRunMismatches()).toBe(1);

    const applied = await reconcile('--source', file, '--apply');
    expect(applied.status).toBe(0);
    expect(applied.report.repairs).toEqual([
      expect.objectContaining({ category: 'missing_in_forte', transaction_id: '774100002', outcome: 'applied' }),
    ]);
    const after = await shelf.ledgerOf(userId);
    expect(after.points).toBe(before.points + 40);
    const repair = after.receipts.at(-1);
    expect(repair).toMatchObject({
      kind: 'xsolla_payment',
      delta: 40,
      external_ref: '774100002',
      source: `reconciliation:${applied.report.run_id}`,
      reason: expect.stringContaining(`reconciliation run ${applied.report.run_id}`),
    });
    const [run] = await shelf.app.runtime.database
      .knex('reconciliation_runs')
      .where({ id: applied.report.run_id })
      .select('status', 'apply', 'mismatches', 'repaired');
    expect(run).toMatchObject({ status: 'finished', mismatches: '1', repaired: '1' });

    const second = await reconcile('--source', file, '--apply');
    expect(second.status).toBe(0);
    expect(second.report).toMatchObject({ ok: true, mismatches: 0, repairs: [] });
    expect(await shelf.ledgerOf(userId)).toEqual(after);

    const plain = await reconcile('--source', file);
    expect(plain.status).toBe(0);
    expect(plain.stderr).toBe('');
    expect(plain.report.ok).toBe(true);
    expect(await lastRunMismatches()).toBe(0);
  });

  it('reads the same facts from a CSV export whose header names the JSON fields by their dotted paths', async () => {
    const userId = await shelf.newUser();
    const csv = exportFile(
      'operator.csv',
      [
        'transaction.id,transaction.payment_date,user.id,purchase.virtual_currency.amount,payment_details.payment.amount,payment_details.payment.currency,transaction.status',
        `774200001,${utcToday()}T10:00:00+00:00,${userId},25,2.50,USD,done`,
        `774200002,${utcToday()},${userId},5,0.50,USD,canceled`,
      ].join('\n'),
    );
    const run = await reconcile('--source', csv);
    expect(run.status).toBe(1);
    expect(run.report.discrepancies.filter((row: { user_id: string }) => row.user_id === String(userId))).toEqual([
      expect.objectContaining({ category: 'missing_in_forte', transaction_id: '774200001', xsolla_points: 25 }),
    ]);
    expect(run.report.categories.missing_in_forte).toEqual({ count: 1, points: 25, amounts: { USD: '2.5' } });
  });

  describe('bad input: exit 2 with the cause, nothing applied', () => {
    const HEADER =
      'transaction.id,transaction.payment_date,user.id,purchase.virtual_currency.amount,payment_details.payment.amount,payment_details.payment.currency,transaction.status';

    it('a malformed CSV row is named by its row and field, even after rows that could be repaired', async () => {
      const userId = await shelf.newUser();
      const csv = exportFile(
        'malformed.csv',
        [
          HEADER,
          `774300001,${utcToday()},${userId},25,2.50,USD,done`,
          `774300002,${utcToday()},${userId},ten,1.00,USD,done`,
        ].join('\n'),
      );
      const run = await reconcile('--source', csv, '--apply');
      expect(run.status).toBe(2);
      expect(run.report.error.code).toBe('MALFORMED_ROW');
      expect(run.report.error.message).toContain('malformed.csv: row 2: purchase.virtual_currency.amount');
      expect(run.report.error.message).toContain('purchase.virtual_currency.amount');
      expect(run.report.error.message).toContain('774300002');
      expect((await shelf.ledgerOf(userId)).points).toBe(0);
      const [failed] = await shelf.app.runtime.database.knex('reconciliation_runs').orderBy('id', 'desc').limit(1);
      expect(failed).toMatchObject({ status: 'failed', error: run.report.error.message });
    });

    it('a malformed JSON element is named by its place in the array', async () => {
      const file = exportFile(
        'malformed.json',
        `[${JSON.stringify(searchEntry(paid(774300003, 1, 5, '0.50'), '18404'))}, {"transaction": {"id": "x"}}]`,
      );
      const run = await reconcile('--source', file);
      expect(run.status).toBe(2);
      expect(run.report.error.message).toMatch(/transaction 2 of the array: transaction.id must be/);
    });

    it('a CSV without the columns it needs names them', async () => {
      const run = await reconcile('--source', exportFile('headless.csv', 'id,amount\n1,2\n'));
      expect(run.status).toBe(2);
      expect(run.report.error.message).toMatch(/header row lacks transaction.id, transaction.status, user.id/);
    });

    it('a wrong date range, an unknown kind of file or a missing one says so', async () => {
      const file = exportFile('empty.json', '[]');
      const run = (from: string, to: string, source = file) =>
        reconcileWith({ DATABASE_URL: shelf.app.runtime.config.DATABASE_URL })(from, to, '--source', source);
      const backwards = await run('2026-11-21', '2026-11-20');
      expect(backwards.status).toBe(2);
      expect(backwards.report.error).toEqual({
        code: 'INVALID_WINDOW',
        message: '--from 2026-11-21 is after --to 2026-11-20',
      });
      expect((await run('2026-02-30', '2026-03-01')).report.error.message).toMatch(/--from must be a date/);
      expect((await run('2026-01-01', '2026-12-31')).report.error.message).toMatch(/spans 365 days; at most 92/);
      expect((await run(utcToday(), utcToday(), '/nowhere/export.json')).report.error).toMatchObject({
        code: 'SOURCE_UNREADABLE',
      });
      expect((await run(utcToday(), utcToday(), 'export.xml')).report.error.code).toBe('INVALID_SOURCE');
    });
  });

  it('draws a progress bar on a terminal (it stays quiet when piped, as every run above)', () => {
    const file = exportFile('terminal.json', JSON.stringify([searchEntry(paid(774400001, 1, 5, '0.50'), '18404')]));
    const { screen } = runCliOnTerminal(
      ['reconcile', '--from', utcToday(), '--to', utcToday(), '--source', file, '--format', 'csv'],
      { env: { DATABASE_URL: shelf.app.runtime.config.DATABASE_URL }, cwd: tmpdir(), input: '' },
    );
    expect(screen).toMatch(/reconcile \[.*\] 100% \d+\/\d+/);
    expect(screen).toMatch(/^category,transaction_id,user_id/m);
  });
});
