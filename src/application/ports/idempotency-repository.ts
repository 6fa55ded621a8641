/** A money-moving request identified by the client's `Idempotency-Key`, within a scope (client and route). */
export interface IdempotentRequest {
  scope: string;
  key: string;
  /** A digest of everything the request asks for (path parameters and body). */
  fingerprint: string;
}

export type Claim =
  | { kind: 'claimed' }
  /** A finished request under the key: what it asked for and the answer it got. */
  | { kind: 'existing'; fingerprint: string; result: unknown; createdAt: Date }
  /** Another transaction holds the key and did not finish in time. */
  | { kind: 'busy' };

/**
 * Stored results of idempotent requests. A claim and its result are written in the transaction of the work
 * itself, so a request either happened with its stored result or did not happen at all: a committed claim
 * always holds its result.
 */
export interface IdempotencyRepository {
  /**
   * Claims the key for this transaction, waiting for a transaction that holds it to finish first. A record
   * created at or before `expiredBefore` is taken over as a fresh claim.
   */
  claim(request: IdempotentRequest, at: Date, expiredBefore: Date): Promise<Claim>;
  complete(request: IdempotentRequest, result: unknown): Promise<void>;
}
