import { UnitOfWork } from '../../src/application/ports/unit-of-work';
import { KnexUnitOfWork } from '../../src/adapters/persistence/knex-unit-of-work';
import { User } from '../../src/domain/user';
import { openTestMariaDb, TestDatabase } from '../support/persistence';
import { aRequest } from './idempotency-repository.contract';
import { aNewUser, AT } from './support/records';

/** A promise and the function that settles it, to hold a transaction open until a test lets it go. */
const gate = (): { opened: Promise<void>; open: () => void } => {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
};

describe('MariaDB locking', () => {
  let database: TestDatabase;
  let uow: UnitOfWork;
  beforeAll(async () => {
    database = await openTestMariaDb({ lockTimeoutMs: 1000 });
    uow = new KnexUnitOfWork(database.knex);
  });
  afterAll(() => database.close());

  it('answers busy to a claim of a key that another transaction holds past the lock wait timeout', async () => {
    const request = aRequest({ key: 'held-key' });
    const claimed = gate();
    const release = gate();
    const holder = uow.run(async (tx) => {
      const claim = await tx.idempotency.claim(request, AT);
      claimed.open();
      await release.opened;
      await tx.idempotency.complete(request, 'done');
      return claim;
    });
    await claimed.opened;
    const waited = await uow.run((tx) => tx.idempotency.claim(request, AT));
    release.open();
    expect(waited).toEqual({ kind: 'busy' });
    expect(await holder).toEqual({ kind: 'claimed' });
    expect(await uow.run((tx) => tx.idempotency.claim(request, AT))).toMatchObject({ kind: 'existing', result: 'done' });
  });

  it('runs the work again when a deadlock rolled it back', async () => {
    const [first, second] = (await Promise.all(
      [aNewUser(), aNewUser()].map((newUser) => uow.run((tx) => tx.users.insert(newUser))),
    )) as [User, User];
    const bothLockedOne = { count: 0, all: gate() };
    let runs = 0;
    // Each transaction locks one user, waits until the other locked the other one, then wants that one too.
    const addToBoth = (lockFirst: User, lockSecond: User) =>
      uow.run(async (tx) => {
        runs += 1;
        const a = (await tx.users.lockById(lockFirst.id)) as User;
        bothLockedOne.count += 1;
        if (bothLockedOne.count === 2) bothLockedOne.all.open();
        await bothLockedOne.all.opened;
        const b = (await tx.users.lockById(lockSecond.id)) as User;
        await tx.users.save({ ...a, points: a.points + 1 });
        await tx.users.save({ ...b, points: b.points + 1 });
      });

    await Promise.all([addToBoth(first, second), addToBoth(second, first)]);

    expect(runs).toBe(3);
    await uow.run(async (tx) => {
      expect((await tx.users.findById(first.id))?.points).toBe(2);
      expect((await tx.users.findById(second.id))?.points).toBe(2);
    });
  });
});
