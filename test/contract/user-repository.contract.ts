import { User } from '../../src/domain/user';
import { emptiedBeforeEach, PersistenceTarget } from './support/persistence-target';
import { aNewUser, aPosting, AT } from './support/records';

export function userRepositoryContract(target: () => PersistenceTarget): void {
  describe('UserRepository', () => {
    const uow = emptiedBeforeEach(target);

    it('inserts a user with 0 points and gives it back by id and by Discord id', async () => {
      const newUser = aNewUser({ name: '라라 🦊', email: 'lara@example.com' });
      const inserted = await uow().run((tx) => tx.users.insert(newUser));
      const expected: Omit<User, 'id'> = { ...newUser, points: 0, updatedAt: AT, deletedAt: null };
      expect(inserted).toEqual({ id: expect.any(Number), ...expected });
      const { id } = inserted as User;
      await uow().run(async (tx) => {
        expect(await tx.users.findById(id)).toEqual({ id, ...expected });
        expect(await tx.users.findByDiscordId(newUser.discordId)).toEqual({ id, ...expected });
        expect(await tx.users.lockById(id)).toEqual({ id, ...expected });
        expect(await tx.users.lockByDiscordId(newUser.discordId)).toEqual({ id, ...expected });
      });
    });

    it('gives each user its own id', async () => {
      const first = (await uow().run((tx) => tx.users.insert(aNewUser()))) as User;
      const second = (await uow().run((tx) => tx.users.insert(aNewUser()))) as User;
      expect(second.id).not.toBe(first.id);
    });

    it('keeps the largest Discord id exactly, as a string', async () => {
      const newUser = aNewUser({ discordId: '18446744073709551615' });
      await uow().run((tx) => tx.users.insert(newUser));
      const found = await uow().run((tx) => tx.users.findByDiscordId('18446744073709551615'));
      expect(found?.discordId).toBe('18446744073709551615');
    });

    it('answers discord_id_taken for a Discord id in use, even by a deleted user', async () => {
      const newUser = aNewUser();
      const user = (await uow().run((tx) => tx.users.insert(newUser))) as User;
      await uow().run((tx) => tx.users.save({ ...user, deletedAt: AT }));
      expect(await uow().run((tx) => tx.users.insert({ ...newUser, name: 'someone else' }))).toBe('discord_id_taken');
    });

    it('answers null for users that do not exist', async () => {
      await uow().run(async (tx) => {
        expect(await tx.users.findById(987654)).toBeNull();
        expect(await tx.users.findByDiscordId('368003617146899999')).toBeNull();
        expect(await tx.users.lockById(987654)).toBeNull();
        expect(await tx.users.lockByDiscordId('368003617146899999')).toBeNull();
      });
    });

    it('saves name, email, updatedAt and deletedAt, and nothing else: not the balance either', async () => {
      const user = (await uow().run((tx) => tx.users.insert(aNewUser()))) as User;
      const later = new Date(AT.getTime() + 86_400_001);
      const edited: User = { ...user, name: 'lara2', email: 'new@example.com', updatedAt: later, deletedAt: later };
      await uow().run((tx) =>
        tx.users.save({
          ...edited,
          discordId: '368003617146877777',
          createdAt: later,
          points: Number.MAX_SAFE_INTEGER,
        }),
      );
      expect(await uow().run((tx) => tx.users.findById(user.id))).toEqual(edited);
    });

    it('keeps a negative balance (a flagged debt)', async () => {
      const user = (await uow().run((tx) => tx.users.insert(aNewUser()))) as User;
      await uow().run((tx) => aPosting(tx, user.id, { delta: -250, debt: true }));
      expect((await uow().run((tx) => tx.users.findById(user.id)))?.points).toBe(-250);
    });

    it('refuses to save a user that does not exist', async () => {
      const user = (await uow().run((tx) => tx.users.insert(aNewUser()))) as User;
      await expect(uow().run((tx) => tx.users.save({ ...user, id: user.id + 1000 }))).rejects.toThrow(/no such row/);
    });
  });
}
