import { Knex } from 'knex';
import { z } from 'zod';
import { UserRepository } from '../../application/ports/user-repository';
import { NewUser, User } from '../../domain/user';
import { integerColumn, timestampColumn } from './column-values';
import { isUniqueViolation } from './database-errors';
import { firstOrNull } from './first-or-null';
import { insertedId } from './inserted-id';
import { rowParser } from './row-parser';

/** A `users` row, checked and named as the domain names it. */
const toUser: (row: unknown) => User = rowParser(
  z.object({
    id: integerColumn,
    discordId: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    points: integerColumn,
    createdAt: timestampColumn,
    updatedAt: timestampColumn,
    deletedAt: timestampColumn.nullable(),
  }),
);

export class KnexUserRepository implements UserRepository {
  constructor(private readonly db: Knex) {}

  async insert(user: NewUser): Promise<User | 'discord_id_taken'> {
    const created: Omit<User, 'id'> = { ...user, points: 0, updatedAt: user.createdAt, deletedAt: null };
    try {
      const result: unknown = await this.db('users').insert({
        discord_id: created.discordId,
        name: created.name,
        email: created.email,
        points: created.points,
        created_at: created.createdAt,
        updated_at: created.updatedAt,
        deleted_at: created.deletedAt,
      });
      return { id: insertedId(result), ...created };
    } catch (error) {
      // discord_id is the table's only unique key besides the generated id.
      if (isUniqueViolation(error)) return 'discord_id_taken';
      throw error;
    }
  }

  findById(id: number): Promise<User | null> {
    return firstOrNull(this.db('users').where({ id }), toUser);
  }

  findByDiscordId(discordId: string): Promise<User | null> {
    return firstOrNull(this.db('users').where({ discord_id: discordId }), toUser);
  }

  // SQLite compiles forUpdate() to nothing: its transactions begin immediately and already exclude other writers.
  lockById(id: number): Promise<User | null> {
    return firstOrNull(this.db('users').where({ id }).forUpdate(), toUser);
  }

  lockByDiscordId(discordId: string): Promise<User | null> {
    return firstOrNull(this.db('users').where({ discord_id: discordId }).forUpdate(), toUser);
  }

  async save(user: User): Promise<void> {
    const changed = await this.db('users').where({ id: user.id }).update({
      name: user.name,
      email: user.email,
      updated_at: user.updatedAt,
      deleted_at: user.deletedAt,
    });
    if (changed !== 1) throw new Error(`Cannot save user ${user.id}: no such row`);
  }
}
