import { Claim, IdempotencyRepository, IdempotentRequest } from '../../../src/application/ports/idempotency-repository';
import { InMemoryState } from './in-memory-state';

const claimKey = (request: IdempotentRequest): string => JSON.stringify([request.scope, request.key]);

/** Transactions never overlap here, so a claim is never `busy` and a stored claim always holds its result. */
export class InMemoryIdempotencyRepository implements IdempotencyRepository {
  constructor(private readonly state: InMemoryState) {}

  claim(request: IdempotentRequest, at: Date, expiredBefore: Date): Promise<Claim> {
    const stored = this.state.claims.get(claimKey(request));
    if (stored && stored.createdAt > expiredBefore) {
      if (!('result' in stored))
        return Promise.reject(new Error(`Idempotency key ${request.key} claimed twice in one transaction`));
      return Promise.resolve({
        kind: 'existing',
        fingerprint: stored.fingerprint,
        result: structuredClone(stored.result),
        createdAt: new Date(stored.createdAt),
      });
    }
    this.state.claims.set(claimKey(request), { fingerprint: request.fingerprint, createdAt: new Date(at) });
    return Promise.resolve({ kind: 'claimed' });
  }

  complete(request: IdempotentRequest, result: unknown): Promise<void> {
    const stored = this.state.claims.get(claimKey(request));
    if (!stored) return Promise.reject(new Error(`Idempotency key ${request.scope}/${request.key} was never claimed`));
    this.state.claims.set(claimKey(request), { ...stored, result: structuredClone(result) });
    return Promise.resolve();
  }
}
