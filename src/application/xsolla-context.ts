import { Item } from '../domain/item';
import { isActive, User } from '../domain/user';
import { forteUserIdOf, SkuCount } from '../domain/xsolla-notification';
import { XsollaOrigin } from '../domain/xsolla-transaction';
import { XsollaOutcome } from './ports/xsolla-inbox';
import { EventSink } from './ports/event-sink';
import { Transaction } from './ports/unit-of-work';

/** Where one Xsolla notification is acted on: its transaction, the stored delivery, and the time. */
export interface XsollaContext {
  tx: Transaction;
  events: EventSink;
  /** The stored delivery's id, once it is stored: it is written with the first statements of acting on it. */
  notificationId: Promise<number>;
  now: Date;
  /** Null for a webhook; the reconciliation run when one repairs what Forte missed. */
  origin: XsollaOrigin;
}

/** What Forte did with a notification it accepted: the outcome, the user, and the points the ledger moved. */
export interface XsollaHandled {
  outcome: Exclude<XsollaOutcome, 'refused'>;
  userId: number | null;
  points: number;
}

/** What acting on a notification did, with its last write when it left one for the caller. */
export interface XsollaActed extends XsollaHandled {
  /**
   * The last write, issued and not yet awaited: committed with the notification's outcome (one round trip on MySQL);
   * a failure of it rolls everything back.
   */
  lastWrite?: Promise<unknown>;
}

/** The user a notification names, locked (which orders all of one user's notifications); null unless active. */
export async function lockNamedUser(tx: Transaction, userRef: string | null): Promise<User | null> {
  const id = forteUserIdOf(userRef);
  const user = id === null ? null : await tx.users.lockById(id);
  return isActive(user) ? user : null;
}

/** The catalogue items of the SKUs a notification lists, or null when one of them is unknown. */
export async function itemsOfSkus(tx: Transaction, skus: SkuCount[]): Promise<{ item: Item; count: number }[] | null> {
  // Looked up together: one round trip on MySQL.
  const found = await Promise.all(skus.map(async ({ sku, count }) => ({ item: await tx.items.findBySku(sku), count })));
  return found.every((entry): entry is { item: Item; count: number } => entry.item !== null) ? found : null;
}
