import { Attendance } from '../../../src/domain/attendance';
import { CheckoutLink } from '../../../src/domain/checkout-link';
import { Client } from '../../../src/domain/client';
import { Item } from '../../../src/domain/item';
import { Receipt } from '../../../src/domain/receipt';
import { User } from '../../../src/domain/user';
import { UserItem } from '../../../src/domain/user-item';
import { XsollaDelivery, XsollaOutcome } from '../../../src/application/ports/xsolla-inbox';
import {
  NewReconciliationRun,
  ReconciliationRunOutcome,
} from '../../../src/application/ports/reconciliation-repository';
import { XsollaOperation } from '../../../src/domain/xsolla-operation';
import { XsollaTransaction } from '../../../src/domain/xsolla-transaction';

export interface StoredClaim {
  fingerprint: string;
  /** The answer stored by `complete`; undefined until then. */
  result?: unknown;
  createdAt: Date;
}

export interface StoredXsollaNotification extends XsollaDelivery {
  id: number;
  outcome: XsollaOutcome | null;
  handledAt: Date | null;
}

/** A wallet's row of the balance mirror. */
export interface StoredWallet {
  userId: number;
  mirroredBalance: number | null;
  version: number;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  syncedAt: Date | null;
}

export interface StoredReconciliationRun extends NewReconciliationRun {
  id: number;
  outcome: ReconciliationRunOutcome | null;
  error: string | null;
  finishedAt: Date | null;
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
  xsollaNotifications: Map<number, StoredXsollaNotification>;
  /** By Xsolla's transaction id. */
  xsollaTransactions: Map<string, XsollaTransaction>;
  xsollaOperations: XsollaOperation[];
  /** The balance mirror's outbox, oldest first. */
  outbox: { id: number; userId: number; createdAt: Date }[];
  wallets: Map<number, StoredWallet>;
  /** By code. */
  checkoutLinks: Map<string, CheckoutLink>;
  /** When each Xsolla transaction was first stored, by its id. */
  xsollaTransactionTimes: Map<string, Date>;
  reconciliationRuns: StoredReconciliationRun[];
  lastIds: {
    user: number;
    receipt: number;
    client: number;
    item: number;
    userItem: number;
    xsollaNotification: number;
    xsollaOperation: number;
    outbox: number;
  };
}

export const emptyState = (): InMemoryState => ({
  users: new Map(),
  receipts: [],
  clients: new Map(),
  claims: new Map(),
  items: new Map(),
  userItems: new Map(),
  attendances: new Map(),
  xsollaNotifications: new Map(),
  xsollaTransactions: new Map(),
  xsollaOperations: [],
  outbox: [],
  wallets: new Map(),
  checkoutLinks: new Map(),
  xsollaTransactionTimes: new Map(),
  reconciliationRuns: [],
  lastIds: {
    user: 0,
    receipt: 0,
    client: 0,
    item: 0,
    userItem: 0,
    xsollaNotification: 0,
    xsollaOperation: 0,
    outbox: 0,
  },
});
