import { NetworkBlock } from './network-block';
import { Scope } from './scope';

/** A bot (or dashboard) allowed to call the API. Only a hash of its token is ever stored. */
export interface Client {
  id: number;
  name: string;
  scopes: Scope[];
  tokenHash: string;
  createdAt: Date;
  revokedAt: Date | null;
  /** Where the client may call from; null: anywhere (its token decides). */
  allowedNetworks: NetworkBlock[] | null;
}

export type NewClient = Omit<Client, 'id' | 'revokedAt' | 'allowedNetworks'>;

export const CLIENT_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

export const mayUse = (client: Client, scope: Scope): boolean =>
  client.revokedAt === null && client.scopes.includes(scope);
