import { User } from '../../src/domain/user';
import { emptiedBeforeEach, PersistenceTarget } from './support/persistence-target';
import { aNewUser, aPosting, AT } from './support/records';

const later = (ms: number): Date => new Date(AT.getTime() + ms);
const LEASE = later(40_000);

export function walletMirrorRepositoryContract(target: () => PersistenceTarget): void {
  describe('WalletMirrorRepository and the outbox of the ledger', () => {
    const uow = emptiedBeforeEach(target);
    const newUserId = async (): Promise<number> => ((await uow().run((tx) => tx.users.insert(aNewUser()))) as User).id;
    const post = (userId: number, delta: number) => uow().run((tx) => aPosting(tx, userId, { delta }));
    const claim = (userId: number, now = AT, owner = 'worker-1') =>
      uow().run((tx) => tx.walletMirror.claim(userId, owner, now, new Date(now.getTime() + 40_000)));

    it('queues every posting that moves the balance, and lists the users with changes oldest first', async () => {
      const first = await newUserId();
      const second = await newUserId();
      await post(second, 10);
      await post(first, 5);
      await post(second, -3);
      await post(first, 0);

      await uow().run(async (tx) => {
        expect(await tx.walletMirror.dueUsers(AT, 10)).toEqual([second, first]);
        expect(await tx.walletMirror.dueUsers(AT, 1)).toEqual([second]);
        expect(await tx.walletMirror.pendingChanges(second)).toHaveLength(2);
        expect(await tx.walletMirror.pendingChanges(first)).toHaveLength(1);
      });
      expect(await uow().read((reads) => reads.walletMirror.backlog(AT, 10))).toEqual({
        changes: 3,
        users: 2,
        oldestChangeAt: AT,
        leased: 0,
        failing: [],
      });
    });

    it('lets one worker claim a wallet at a time, until its lease runs out', async () => {
      const userId = await newUserId();
      await post(userId, 10);

      const held = await claim(userId);
      expect(held).toEqual({ userId, version: expect.any(Number), attempts: 0 });
      expect(await claim(userId, later(39_999), 'worker-2')).toBeNull();
      expect(await uow().read((reads) => reads.walletMirror.dueUsers(later(39_999), 10))).toEqual([]);
      expect((await uow().read((reads) => reads.walletMirror.backlog(later(1), 10))).leased).toBe(1);

      const taken = await claim(userId, LEASE, 'worker-2');
      expect(taken?.version).toBeGreaterThan(held?.version ?? Infinity);
      expect(await uow().run((tx) => tx.walletMirror.recordBalance(held!, 10, LEASE, later(80_000)))).toBeNull();
      expect(await uow().run((tx) => tx.walletMirror.settle(held!, [], LEASE))).toBe(false);
    });

    it('gives a wallet to one of many workers claiming it at once', async () => {
      const userId = await newUserId();
      await post(userId, 10);
      const claims = await Promise.all(Array.from({ length: 8 }, (_, n) => claim(userId, AT, `worker-${n}`)));
      expect(claims.filter((taken) => taken !== null)).toHaveLength(1);
    });

    it('records the balance Xsolla answered, and settles: the wallet released, the changes it covered removed', async () => {
      const userId = await newUserId();
      await post(userId, 10);
      const held = await claim(userId);
      const changes = await uow().read((reads) => reads.walletMirror.pendingChanges(userId));
      await post(userId, 4);

      const recorded = await uow().run((tx) => tx.walletMirror.recordBalance(held!, 10, AT, later(50_000)));
      expect(recorded).toEqual({ ...held, version: held!.version + 1 });
      expect(await uow().run((tx) => tx.walletMirror.settle(recorded!, changes, AT))).toBe(true);

      expect(await uow().read((reads) => reads.walletMirror.pendingChanges(userId))).toHaveLength(1);
      expect(await claim(userId, later(1))).toMatchObject({ attempts: 0 });
    });

    it('backs a failed wallet off until its next attempt, counting its failures', async () => {
      const userId = await newUserId();
      await post(userId, 10);
      const held = await claim(userId);

      await uow().run((tx) => tx.walletMirror.backOff(held!, 'Xsolla unavailable: down', AT, later(5000)));

      expect(await uow().read((reads) => reads.walletMirror.dueUsers(later(4999), 10))).toEqual([]);
      expect(await claim(userId, later(4999))).toBeNull();
      expect(await uow().read((reads) => reads.walletMirror.backlog(AT, 10))).toMatchObject({
        changes: 1,
        leased: 0,
        failing: [{ userId, attempts: 1, lastError: 'Xsolla unavailable: down', nextAttemptAt: later(5000) }],
      });
      expect(await uow().read((reads) => reads.walletMirror.dueUsers(later(5000), 10))).toEqual([userId]);
      expect(await claim(userId, later(5000))).toMatchObject({ attempts: 1 });
    });

    it('keeps short links, their codes case-sensitive', async () => {
      const userId = await newUserId();
      const link = {
        code: 'aBc123',
        userId,
        url: 'https://secure.xsolla.com/paystation4/?token=t',
        expiresAt: LEASE,
        createdAt: AT,
      };
      await uow().run((tx) => tx.checkoutLinks.insert(link));
      expect(await uow().read((reads) => reads.checkoutLinks.findByCode('aBc123'))).toEqual(link);
      expect(await uow().read((reads) => reads.checkoutLinks.findByCode('abc123'))).toBeNull();
    });
  });
}
