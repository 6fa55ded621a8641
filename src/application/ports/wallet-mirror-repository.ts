/**
 * A worker's claim on one user's wallet: only the holder of the current `version` may record, settle or release it.
 * `attempts` counts the failures in a row before this claim.
 */
export interface WalletClaim {
  userId: number;
  version: number;
  attempts: number;
}

/** A wallet whose last attempt failed, waiting for the next. */
export interface FailingWallet {
  userId: number;
  attempts: number;
  lastError: string;
  nextAttemptAt: Date | null;
}

/** The mirror's backlog: balance changes not yet brought to Xsolla. */
export interface MirrorBacklog {
  /** Balance changes waiting (outbox rows). */
  changes: number;
  /** Users they belong to. */
  users: number;
  oldestChangeAt: Date | null;
  /** Wallets held by a worker right now. */
  leased: number;
  /** Wallets whose last attempt failed, most attempts first (at most the limit asked for). */
  failing: FailingWallet[];
}

/**
 * The balance mirror's storage: the outbox (one row per balance change, written by the ledger's posting) and one
 * row per wallet with its claim. A claim is a conditional write of that row (a lease and a version), so of two
 * workers, in two processes or on two cluster nodes, at most one holds a wallet; a lost claim is harmless.
 */
export interface WalletMirrorRepository {
  /** Users with changes to mirror whose wallet is neither held nor waiting out a backoff, oldest change first. */
  dueUsers(now: Date, limit: number): Promise<number[]>;
  /** The ids of the user's changes waiting to be mirrored. */
  pendingChanges(userId: number): Promise<number[]>;
  /** Takes the user's wallet until `leaseUntil`, if nobody holds it and it is due; null otherwise. */
  claim(userId: number, owner: string, now: Date, leaseUntil: Date): Promise<WalletClaim | null>;
  /** Records the balance Xsolla answered (for operators) and extends the lease; null when the claim was lost meanwhile. */
  recordBalance(claim: WalletClaim, balance: number, now: Date, leaseUntil: Date): Promise<WalletClaim | null>;
  /** The wallet is in step: releases it and removes the changes it covered; false when the claim was lost. */
  settle(claim: WalletClaim, changeIds: number[], at: Date): Promise<boolean>;
  /** The attempt failed: releases the wallet, counting the failure, until `nextAttemptAt`. */
  backOff(claim: WalletClaim, error: string, now: Date, nextAttemptAt: Date): Promise<void>;
  backlog(now: Date, failingLimit: number): Promise<MirrorBacklog>;
  /**
   * Queues the user's wallet to be brought to Forte's balance again (a reconciliation saw it drift), due at once.
   * A claim held meanwhile is lost.
   */
  requeue(userId: number, at: Date): Promise<void>;
}
