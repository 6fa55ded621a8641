import { Client, NewClient } from '../../domain/client';

export interface ClientRepository {
  /** Inserts a client, or answers 'name_taken'. */
  insert(client: NewClient): Promise<Client | 'name_taken'>;
  findByTokenHash(tokenHash: string): Promise<Client | null>;
  findByName(name: string): Promise<Client | null>;
  list(): Promise<Client[]>;
  save(client: Client): Promise<void>;
}
