import { User } from '../../src/domain/user';
import { emptiedBeforeEach, PersistenceTarget } from './support/persistence-target';
import { aNewUser, aPosting, AT } from './support/records';

const at = (hours: number): Date => new Date(AT.getTime() + hours * 3_600_000);
const RANGE = { from: at(-72), until: at(72) };
const WINDOW = { from: at(-24), until: at(24) };

export function reconciliationRepositoryContract(target: () => PersistenceTarget): void {
  describe('ReconciliationReads and ReconciliationRunRepository', () => {
    const uow = emptiedBeforeEach(target);
    const newUserId = async (): Promise<number> => ((await uow().run((tx) => tx.users.insert(aNewUser()))) as User).id;
    /** A transaction paid `hours` from AT (or only awaiting its payment), as the webhooks store it. */
    const stored = (userId: number, transactionId: string, hours: number, paid = true) =>
      uow().run(async (tx) => {
        const receipt = paid ? await aPosting(tx, userId, { delta: 40 }) : null;
        await tx.xsollaPayments.saveTransaction(
          {
            transactionId,
            userId,
            paymentReceiptId: receipt?.id ?? null,
            creditedPoints: paid ? 40 : 0,
            reversedPoints: 0,
            payment: paid ? { amount: '4.00', currency: 'USD' } : null,
            dryRun: false,
          },
          at(hours),
        );
      });

    it("walks Forte's transactions of a range by id, telling those of the window proper", async () => {
      const userId = await newUserId();
      await stored(userId, '774001001', 0);
      await stored(userId, '774001002', -48);
      await stored(userId, '774001003', 100);
      await stored(userId, '774001004', 23.9, false);

      const all = await uow().read((reads) => reads.reconciliation.transactions(RANGE, WINDOW, 0, 10));
      expect(all.map(({ id: _id, ...facts }) => facts)).toEqual([
        {
          transactionId: '774001001',
          userId,
          paid: true,
          creditedPoints: 40,
          reversedPoints: 0,
          payment: { amount: '4.00', currency: 'USD' },
          inWindow: true,
        },
        expect.objectContaining({ transactionId: '774001002', paid: true, inWindow: false }),
        expect.objectContaining({ transactionId: '774001004', paid: false, payment: null, inWindow: true }),
      ]);
      const first = await uow().read((reads) => reads.reconciliation.transactions(RANGE, WINDOW, 0, 1));
      const next = await uow().read((reads) => reads.reconciliation.transactions(RANGE, WINDOW, first[0]?.id ?? 0, 10));
      expect([...first, ...next].map((facts) => facts.transactionId)).toEqual(['774001001', '774001002', '774001004']);
    });

    it('reads balances with whether a change waits for the mirror, and requeues a wallet', async () => {
      const posted = await newUserId();
      const quiet = await newUserId();
      await uow().run((tx) => aPosting(tx, posted, { delta: 70 }));

      const balances = await uow().read((reads) => reads.reconciliation.balances([quiet, posted, 999_999]));
      expect(balances.sort((a, b) => a.userId - b.userId)).toEqual([
        { userId: posted, points: 70, pendingSync: true },
        { userId: quiet, points: 0, pendingSync: false },
      ]);
      expect(await uow().read((reads) => reads.reconciliation.balancesAfter(posted, 10))).toEqual([
        { userId: quiet, points: 0, pendingSync: false },
      ]);

      await uow().run((tx) => tx.walletMirror.requeue(quiet, AT));
      expect(await uow().read((reads) => reads.reconciliation.balances([quiet]))).toEqual([
        { userId: quiet, points: 0, pendingSync: true },
      ]);
      const claim = await uow().run((tx) => tx.walletMirror.claim(quiet, 'worker', AT, at(1)));
      expect(claim).toMatchObject({ userId: quiet, attempts: 0 });
    });

    it('records runs, and tells the last one that finished', async () => {
      const run = (source: string) =>
        uow().run((tx) =>
          tx.reconciliationRuns.start({
            windowFrom: '2026-11-24',
            windowTo: '2026-11-25',
            source,
            apply: true,
            startedAt: AT,
          }),
        );
      expect(await uow().read((reads) => reads.reconciliation.lastFinishedRun())).toBeNull();
      const finished = await run('api');
      const failed = await run('export.csv');
      expect(failed).toBeGreaterThan(finished);
      await uow().run((tx) =>
        tx.reconciliationRuns.finish(finished, {
          mismatches: 3,
          repaired: 2,
          needsHuman: 1,
          summary: { missing_in_forte: { count: 2 } },
          finishedAt: at(1),
        }),
      );
      await uow().run((tx) => tx.reconciliationRuns.fail(failed, 'Xsolla answered 500', at(2)));
      expect(await uow().read((reads) => reads.reconciliation.lastFinishedRun())).toEqual({
        id: finished,
        mismatches: 3,
        finishedAt: at(1),
      });
    });
  });
}
