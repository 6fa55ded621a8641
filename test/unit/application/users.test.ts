import { DeleteUser } from '../../../src/application/delete-user';
import { GetUser } from '../../../src/application/get-user';
import { RegisterUser } from '../../../src/application/register-user';
import { UpdateUser } from '../../../src/application/update-user';
import { FixedClock } from '../../support/fixed-clock';
import { InMemoryUnitOfWork } from '../../support/in-memory/in-memory-unit-of-work';

describe('user use cases', () => {
  const discordId = '368003617146880001';
  let uow: InMemoryUnitOfWork;
  let clock: FixedClock;

  beforeEach(() => {
    uow = new InMemoryUnitOfWork();
    clock = new FixedClock();
  });

  const register = () => new RegisterUser(uow, clock).execute({ discordId, name: 'lara', email: null });

  it('registers a user with no points and finds it by id and by Discord id', async () => {
    const registered = await register();
    if (!registered.ok) throw new Error('registration failed');
    expect(registered.value).toEqual(expect.objectContaining({ discordId, name: 'lara', points: 0, deletedAt: null }));
    const get = new GetUser(uow);
    expect(await get.execute({ id: registered.value.id })).toEqual(registered);
    expect(await get.execute({ discordId })).toEqual(registered);
  });

  it('refuses a Discord id that is taken', async () => {
    await register();
    expect(await register()).toEqual({ ok: false, failure: { type: 'DiscordIdTaken' } });
  });

  it('updates only the fields given', async () => {
    const registered = await register();
    if (!registered.ok) throw new Error('registration failed');
    clock.advance(1000);
    const updated = await new UpdateUser(uow, clock).execute({ id: registered.value.id, email: 'lara@example.com' });
    expect(updated.ok && updated.value).toEqual(
      expect.objectContaining({ name: 'lara', email: 'lara@example.com', updatedAt: clock.now() }),
    );
    const cleared = await new UpdateUser(uow, clock).execute({ id: registered.value.id, email: null });
    expect(cleared.ok && cleared.value.email).toBeNull();
  });

  it('soft-deletes: the user is gone for every use case, and its Discord id stays taken', async () => {
    const registered = await register();
    if (!registered.ok) throw new Error('registration failed');
    const id = registered.value.id;
    const remove = new DeleteUser(uow, clock);
    expect(await remove.execute({ id })).toEqual({ ok: true, value: null });
    const notFound = { ok: false, failure: { type: 'UserNotFound' } };
    expect(await remove.execute({ id })).toEqual(notFound);
    expect(await new GetUser(uow).execute({ id })).toEqual(notFound);
    expect(await new GetUser(uow).execute({ discordId })).toEqual(notFound);
    expect(await new UpdateUser(uow, clock).execute({ id, name: 'x' })).toEqual(notFound);
    expect(await register()).toEqual({ ok: false, failure: { type: 'DiscordIdTaken' } });
    expect(uow.snapshot().users.get(id)?.deletedAt).toEqual(clock.now());
  });
});
