import { Knex } from 'knex';
import { z } from 'zod';
import { ClientRepository } from '../../application/ports/client-repository';
import { Client, NewClient } from '../../domain/client';
import { NetworkBlock, networkText, storedNetwork } from '../../domain/network-block';
import { SCOPES } from '../../domain/scope';
import { integerColumn, timestampColumn } from './column-values';
import { isUniqueViolation } from './database-errors';
import { firstOrNull } from './first-or-null';
import { insertedId } from './inserted-id';
import { rowParser } from './row-parser';

const scopesColumn = z
  .string()
  .transform((text) => JSON.parse(text) as unknown)
  .pipe(z.array(z.enum(SCOPES)));

/** A `clients` row, checked and named as the domain names it. */
const toClient: (row: unknown) => Client = rowParser(
  z.object({
    id: integerColumn,
    name: z.string(),
    scopes: scopesColumn,
    tokenHash: z.string(),
    createdAt: timestampColumn,
    revokedAt: timestampColumn.nullable(),
    allowedNetworks: z
      .string()
      .nullable()
      .transform((list) => (list === null ? null : list.split(',').map(storedNetwork))),
  }),
);

const networksColumn = (networks: NetworkBlock[] | null): string | null =>
  networks === null ? null : networks.map(networkText).join(',');

export class KnexClientRepository implements ClientRepository {
  constructor(private readonly db: Knex) {}

  async insert(client: NewClient): Promise<Client | 'name_taken'> {
    try {
      const result: unknown = await this.db('clients').insert({
        name: client.name,
        scopes: JSON.stringify(client.scopes),
        token_hash: client.tokenHash,
        created_at: client.createdAt,
        revoked_at: null,
      });
      return { id: insertedId(result), ...client, revokedAt: null, allowedNetworks: null };
    } catch (error) {
      // The token hash is unique too; only a taken name is an answer, anything else is a fault.
      if (isUniqueViolation(error) && (await this.lockByName(client.name)) !== null) return 'name_taken';
      throw error;
    }
  }

  findByTokenHash(tokenHash: string): Promise<Client | null> {
    return firstOrNull(this.db('clients').where({ token_hash: tokenHash }), toClient);
  }

  findByName(name: string): Promise<Client | null> {
    return firstOrNull(this.db('clients').where({ name }), toClient);
  }

  async list(): Promise<Client[]> {
    const rows: unknown[] = await this.db('clients').orderBy('name');
    return rows.map(toClient);
  }

  async save(client: Client): Promise<void> {
    const changed = await this.db('clients')
      .where({ id: client.id })
      .update({
        name: client.name,
        scopes: JSON.stringify(client.scopes),
        token_hash: client.tokenHash,
        revoked_at: client.revokedAt,
        allowed_networks: networksColumn(client.allowedNetworks),
      });
    if (changed !== 1) throw new Error(`Cannot save client ${client.id}: no such row`);
  }

  /** A locking read sees the row a concurrent transaction committed, which a MySQL snapshot read may not. */
  private lockByName(name: string): Promise<Client | null> {
    return firstOrNull(this.db('clients').where({ name }).forUpdate(), toClient);
  }
}
