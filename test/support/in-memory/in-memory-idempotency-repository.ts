import { Claim, IdempotencyRepository, IdempotentRequest } from '../../../src/application/ports/idempotency-repository';
import { InMemoryState, StoredClaim } from './in-memory-state';

const claimKey = (request: IdempotentRequest): string => JSON.stringify([request.scope, request.key]);

/** Transactions never overlap here, so a claim is never `busy`. */
export class InMemoryIdempotencyRepository implements IdempotencyRepository {
  constructor(private readonly state: InMemoryState) {}

  claim(request: IdempotentRequest, at: Date): Promise<Claim> {
    const stored = this.state.claims.get(claimKey(request));
    if (stored) {
      return Promise.resolve({
        kind: 'existing',
        fingerprint: stored.fingerprint,
        // Like the SQL adapter: null until the work stored its answer.
        result: stored.result === undefined ? null : structuredClone(stored.result),
        createdAt: new Date(stored.createdAt),
      });
    }
    this.state.claims.set(claimKey(request), { fingerprint: request.fingerprint, createdAt: new Date(at) });
    return Promise.resolve({ kind: 'claimed' });
  }

  reclaim(request: IdempotentRequest, at: Date): Promise<void> {
    return this.replace(request, () => ({ fingerprint: request.fingerprint, createdAt: new Date(at) }));
  }

  complete(request: IdempotentRequest, result: unknown): Promise<void> {
    return this.replace(request, (stored) => ({ ...stored, result: structuredClone(result) }));
  }

  private replace(request: IdempotentRequest, change: (stored: StoredClaim) => StoredClaim): Promise<void> {
    const stored = this.state.claims.get(claimKey(request));
    if (!stored) return Promise.reject(new Error(`Idempotency key ${request.scope}/${request.key} was never claimed`));
    this.state.claims.set(claimKey(request), change(stored));
    return Promise.resolve();
  }
}
