import { changeBalance } from '../../src/domain/points';
import { User } from '../../src/domain/user';
import { emptiedBeforeEach, PersistenceTarget } from './support/persistence-target';
import { aNewClient, aNewUser, aPosting, AT } from './support/records';

export function unitOfWorkContract(target: () => PersistenceTarget): void {
  describe('UnitOfWork', () => {
    const uow = emptiedBeforeEach(target);

    it('commits the work and answers its value', async () => {
      const newUser = aNewUser();
      const id = await uow().run(async (tx) => {
        const user = (await tx.users.insert(newUser)) as User;
        await aPosting(tx, user.id);
        return user.id;
      });
      await uow().run(async (tx) => {
        expect((await tx.users.findById(id))?.discordId).toBe(newUser.discordId);
        expect((await tx.receipts.listByUser(id, { limit: 10, beforeId: null })).receipts).toHaveLength(1);
      });
    });

    it('rolls every write back when the work throws, and rethrows', async () => {
      const kept = (await uow().run((tx) => tx.users.insert(aNewUser()))) as User;
      const failure = new Error('the work failed');
      const newUser = aNewUser();
      await expect(
        uow().run(async (tx) => {
          await tx.users.insert(newUser);
          await tx.users.save({ ...kept, name: 'renamed' });
          await aPosting(tx, kept.id);
          await tx.clients.insert(aNewClient());
          throw failure;
        }),
      ).rejects.toBe(failure);
      await uow().run(async (tx) => {
        expect(await tx.users.findByDiscordId(newUser.discordId)).toBeNull();
        expect(await tx.users.findById(kept.id)).toEqual(kept);
        expect((await tx.receipts.listByUser(kept.id, { limit: 10, beforeId: null })).receipts).toEqual([]);
        expect(await tx.clients.list()).toEqual([]);
      });
    });

    it('runs after-commit effects once the work committed, and never those of work that rolled back', async () => {
      const ran: string[] = [];
      await uow().run(async (tx) => {
        await tx.users.insert(aNewUser());
        tx.afterCommit(() => ran.push('committed'));
        expect(ran).toEqual([]);
      });
      await expect(
        uow().run(async (tx) => {
          tx.afterCommit(() => ran.push('rolled back'));
          throw new Error('the work failed');
        }),
      ).rejects.toThrow('the work failed');
      expect(ran).toEqual(['committed']);
    });

    it('keeps the balance equal to the sum of the receipts under 50 concurrent changes', async () => {
      const user = (await uow().run((tx) => tx.users.insert(aNewUser()))) as User;
      // Deductions may find too few points, depending on the order the changes happen to run in.
      const deltas = Array.from({ length: 50 }, (_, n) => (n % 3 === 2 ? -25 : 20));
      const outcomes = await Promise.all(
        deltas.map((delta) =>
          uow().run(async (tx) => {
            const locked = await tx.users.lockById(user.id);
            if (!locked) throw new Error('the user vanished');
            const decided = changeBalance(locked, {
              kind: 'grant',
              delta,
              reason: 'concurrency',
              source: 'test',
              externalRef: null,
              at: AT,
            });
            if (!decided.ok) return 'refused';
            await tx.ledger.post(decided.value.receipt);
            return 'changed';
          }),
        ),
      );

      const { points } = (await uow().run((tx) => tx.users.findById(user.id))) as User;
      const page = await uow().run((tx) => tx.receipts.listByUser(user.id, { limit: 100, beforeId: null }));
      const oldestFirst = [...page.receipts].reverse();
      expect(oldestFirst).toHaveLength(outcomes.filter((outcome) => outcome === 'changed').length);
      expect(points).toBe(oldestFirst.reduce((sum, receipt) => sum + receipt.delta, 0));
      expect(points).toBeGreaterThanOrEqual(0);
      // Each receipt starts where the one before ended: no change was lost or applied to a stale balance.
      oldestFirst.forEach((receipt, n) => {
        expect(receipt.balanceBefore).toBe(n === 0 ? 0 : oldestFirst[n - 1]!.balanceAfter);
        expect(receipt.balanceAfter).toBe(receipt.balanceBefore + receipt.delta);
      });
    });
  });
}
