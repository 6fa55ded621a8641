import { NewUser, User } from '../../domain/user';

/** Users, soft-deleted ones included: callers decide with `isActive`. */
export interface UserRepository {
  /** Inserts a user with 0 points, or answers 'discord_id_taken' when the unique Discord id is already used. */
  insert(user: NewUser): Promise<User | 'discord_id_taken'>;
  findById(id: number): Promise<User | null>;
  findByDiscordId(discordId: string): Promise<User | null>;
  /** Reads the row and locks it (SELECT ... FOR UPDATE) until the transaction ends. */
  lockById(id: number): Promise<User | null>;
  lockByDiscordId(discordId: string): Promise<User | null>;
  /** Writes name, email, updatedAt and deletedAt of an existing user; the balance moves only through the Ledger. */
  save(user: User): Promise<void>;
}
