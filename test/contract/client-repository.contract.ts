import { Client } from '../../src/domain/client';
import { emptiedBeforeEach, PersistenceTarget } from './support/persistence-target';
import { aNewClient, AT } from './support/records';

export function clientRepositoryContract(target: () => PersistenceTarget): void {
  describe('ClientRepository', () => {
    const uow = emptiedBeforeEach(target);

    it('inserts a client and finds it by token hash and by name', async () => {
      const newClient = aNewClient();
      const client = await uow().run((tx) => tx.clients.insert(newClient));
      expect(client).toEqual({ id: expect.any(Number), ...newClient, revokedAt: null, allowedNetworks: null });
      await uow().run(async (tx) => {
        expect(await tx.clients.findByTokenHash(newClient.tokenHash)).toEqual(client);
        expect(await tx.clients.findByName(newClient.name)).toEqual(client);
      });
    });

    it('keeps the networks a client may call from, and anywhere again (null)', async () => {
      const client = await uow().run((tx) => tx.clients.insert(aNewClient({ name: 'fenced-bot' })));
      if (client === 'name_taken') throw new Error('name taken');
      const allowedNetworks = [
        { address: '10.0.0.0', prefix: 8, family: 'ipv4' as const },
        { address: '203.0.113.7', prefix: null, family: 'ipv4' as const },
        { address: '2001:db8::', prefix: 32, family: 'ipv6' as const },
      ];
      await uow().run((tx) => tx.clients.save({ ...client, allowedNetworks }));
      expect(await uow().run((tx) => tx.clients.findByName('fenced-bot'))).toMatchObject({ allowedNetworks });
      await uow().run((tx) => tx.clients.save({ ...client, allowedNetworks: null }));
      expect(await uow().run((tx) => tx.clients.findByName('fenced-bot'))).toMatchObject({ allowedNetworks: null });
    });

    it('answers null for an unknown token hash or name', async () => {
      await uow().run((tx) => tx.clients.insert(aNewClient()));
      await uow().run(async (tx) => {
        expect(await tx.clients.findByTokenHash('b'.repeat(64))).toBeNull();
        expect(await tx.clients.findByName('nobody')).toBeNull();
      });
    });

    it('answers name_taken for a name in use', async () => {
      await uow().run((tx) => tx.clients.insert(aNewClient({ name: 'lara-bot' })));
      const again = await uow().run((tx) =>
        tx.clients.insert(aNewClient({ name: 'lara-bot', tokenHash: 'c'.repeat(64) })),
      );
      expect(again).toBe('name_taken');
    });

    it('lists every client by name', async () => {
      for (const [name, hash] of [
        ['zeta', 'd'],
        ['alpha', 'e'],
        ['mid.bot', 'f'],
      ] as const) {
        await uow().run((tx) => tx.clients.insert(aNewClient({ name, tokenHash: hash.repeat(64) })));
      }
      const names = (await uow().run((tx) => tx.clients.list())).map((client) => client.name);
      expect(names).toEqual(['alpha', 'mid.bot', 'zeta']);
    });

    it('saves a revocation and new scopes', async () => {
      const client = (await uow().run((tx) => tx.clients.insert(aNewClient()))) as Client;
      const revoked: Client = { ...client, scopes: ['attendance'], revokedAt: new Date(AT.getTime() + 5) };
      await uow().run((tx) => tx.clients.save(revoked));
      expect(await uow().run((tx) => tx.clients.findByName(client.name))).toEqual(revoked);
    });
  });
}
