import { ClientRepository } from '../../../src/application/ports/client-repository';
import { Client, NewClient } from '../../../src/domain/client';
import { copyOrNull } from './copy-or-null';
import { InMemoryState } from './in-memory-state';

export class InMemoryClientRepository implements ClientRepository {
  constructor(private readonly state: InMemoryState) {}

  insert(client: NewClient): Promise<Client | 'name_taken'> {
    if (this.find((stored) => stored.name === client.name)) return Promise.resolve('name_taken');
    if (this.find((stored) => stored.tokenHash === client.tokenHash)) {
      return Promise.reject(new Error('Duplicate token hash (unique key)'));
    }
    this.state.lastIds.client += 1;
    const created: Client = { id: this.state.lastIds.client, ...client, revokedAt: null, allowedNetworks: null };
    this.state.clients.set(created.id, created);
    return Promise.resolve(structuredClone(created));
  }

  findByTokenHash(tokenHash: string): Promise<Client | null> {
    return Promise.resolve(copyOrNull(this.find((client) => client.tokenHash === tokenHash)));
  }

  findByName(name: string): Promise<Client | null> {
    return Promise.resolve(copyOrNull(this.find((client) => client.name === name)));
  }

  list(): Promise<Client[]> {
    const byName = [...this.state.clients.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return Promise.resolve(structuredClone(byName));
  }

  save(client: Client): Promise<void> {
    const stored = this.state.clients.get(client.id);
    if (!stored) return Promise.reject(new Error(`Cannot save client ${client.id}: no such row`));
    this.state.clients.set(client.id, { ...structuredClone(client), createdAt: stored.createdAt });
    return Promise.resolve();
  }

  private find(matches: (client: Client) => boolean): Client | undefined {
    return [...this.state.clients.values()].find(matches);
  }
}
