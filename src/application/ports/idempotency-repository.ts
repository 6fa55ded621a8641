/** A money-moving request identified by the client's `Idempotency-Key`, within a scope (client and route). */
export interface IdempotentRequest {
  scope: string;
  key: string;
  /** A digest of everything the request asks for (path parameters and body). */
  fingerprint: string;
}

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'existing'; fingerprint: string; result: unknown; createdAt: Date }
  /** Another transaction holds the key and did not finish in time. */
  | { kind: 'busy' };

/**
 * Stored results of idempotent requests. A claim and its result are written in the transaction of the work
 * itself, so a request either happened with its stored result or did not happen at all.
 */
export interface IdempotencyRepository {
  claim(request: IdempotentRequest, at: Date): Promise<Claim>;
  /** Replaces an expired record with a fresh claim. */
  reclaim(request: IdempotentRequest, at: Date): Promise<void>;
  complete(request: IdempotentRequest, result: unknown): Promise<void>;
}
