import { Attendance } from '../../../src/domain/attendance';
import { Client } from '../../../src/domain/client';
import { Item } from '../../../src/domain/item';
import { Receipt } from '../../../src/domain/receipt';
import { User } from '../../../src/domain/user';
import { UserItem } from '../../../src/domain/user-item';

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
  items: Map<number, Item>;
  userItems: Map<number, UserItem>;
  /** By Discord id. */
  attendances: Map<string, Attendance>;
  lastIds: { user: number; receipt: number; client: number; item: number; userItem: number };
}

export const emptyState = (): InMemoryState => ({
  users: new Map(),
  receipts: [],
  clients: new Map(),
  claims: new Map(),
  items: new Map(),
  userItems: new Map(),
  attendances: new Map(),
  lastIds: { user: 0, receipt: 0, client: 0, item: 0, userItem: 0 },
});
