import { UserRepository } from '../../../src/application/ports/user-repository';
import { NewUser, User } from '../../../src/domain/user';
import { copyOrNull } from './copy-or-null';
import { InMemoryState } from './in-memory-state';

export class InMemoryUserRepository implements UserRepository {
  constructor(private readonly state: InMemoryState) {}

  insert(user: NewUser): Promise<User | 'discord_id_taken'> {
    if (this.withDiscordId(user.discordId)) return Promise.resolve('discord_id_taken');
    this.state.lastIds.user += 1;
    const created: User = {
      id: this.state.lastIds.user,
      ...user,
      points: 0,
      updatedAt: user.createdAt,
      deletedAt: null,
    };
    this.state.users.set(created.id, created);
    return Promise.resolve(structuredClone(created));
  }

  findById(id: number): Promise<User | null> {
    return Promise.resolve(copyOrNull(this.state.users.get(id)));
  }

  findByDiscordId(discordId: string): Promise<User | null> {
    return Promise.resolve(copyOrNull(this.withDiscordId(discordId)));
  }

  // The unit of work runs one transaction at a time, so reading is locking.
  lockById(id: number): Promise<User | null> {
    return this.findById(id);
  }

  lockByDiscordId(discordId: string): Promise<User | null> {
    return this.findByDiscordId(discordId);
  }

  save(user: User): Promise<void> {
    const stored = this.state.users.get(user.id);
    if (!stored) return Promise.reject(new Error(`Cannot save user ${user.id}: no such row`));
    // Like the SQL adapter: only the editable columns change.
    this.state.users.set(user.id, {
      ...stored,
      name: user.name,
      email: user.email,
      updatedAt: user.updatedAt,
      deletedAt: user.deletedAt,
    });
    return Promise.resolve();
  }

  private withDiscordId(discordId: string): User | undefined {
    return [...this.state.users.values()].find((user) => user.discordId === discordId);
  }
}
