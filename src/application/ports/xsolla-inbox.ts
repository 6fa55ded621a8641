import { XsollaNotificationHandled } from './event-sink';

/** What became of a stored delivery. */
export type XsollaOutcome = XsollaNotificationHandled['outcome'];

/** A verified webhook as it arrived, with what it says about itself. */
export interface XsollaDelivery {
  type: string;
  externalId: string | null;
  userRef: string | null;
  /** The body's bytes exactly as received (the signature was computed over them). */
  body: Uint8Array;
  receivedAt: Date;
}

/**
 * Every verified Xsolla webhook, stored raw before Forte acts on it: what Xsolla sent, and what Forte made of it.
 * A delivery without an outcome was stored but its handling failed (Xsolla then sends it again).
 */
export interface XsollaInbox {
  /** Stores the delivery and answers its id. */
  record(delivery: XsollaDelivery): Promise<number>;
  settle(id: number, outcome: XsollaOutcome, at: Date): Promise<void>;
}
