import { Client } from '../../../src/domain/client';
import { Receipt } from '../../../src/domain/receipt';
import { User } from '../../../src/domain/user';

export interface StoredClaim {
  fingerprint: string;
  /** The answer stored by `complete`; undefined until then. */
  result?: unknown;
  createdAt: Date;
}

/** Everything the in-memory adapters hold: plain data, so one `structuredClone` snapshots it for a rollback. */
export interface InMemoryState {
  users: Map<number, User>;
  receipts: Receipt[];
  clients: Map<number, Client>;
  /** By scope and key (see `claimKey`). */
  claims: Map<string, StoredClaim>;
  lastIds: { user: number; receipt: number; client: number };
}

export const emptyState = (): InMemoryState => ({
  users: new Map(),
  receipts: [],
  clients: new Map(),
  claims: new Map(),
  lastIds: { user: 0, receipt: 0, client: 0 },
});
