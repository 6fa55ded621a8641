import { FailureOf } from '../domain/failure';
import { fail, Result } from '../domain/result';
import { Clock } from './ports/clock';
import { EventSink } from './ports/event-sink';
import { IdempotentRequest } from './ports/idempotency-repository';
import { Transaction, UnitOfWork } from './ports/unit-of-work';

/** How long a stored answer is replayed; after that the key may be used afresh. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type IdempotencyFailure = FailureOf<'IdempotencyKeyReused' | 'IdempotencyKeyInUse'>;

/**
 * Runs money-moving work at most once per idempotency key, inside the work's own transaction: a retry with the
 * same request gets the first result (success or business failure) back, another request under the key fails.
 */
export async function idempotently<T, F>(
  tx: Transaction,
  events: EventSink,
  request: IdempotentRequest | undefined,
  now: Date,
  work: (tx: Transaction) => Promise<Result<T, F>>,
): Promise<Result<T, F | IdempotencyFailure>> {
  if (!request) return work(tx);
  const claim = await tx.idempotency.claim(request, now, new Date(now.getTime() - IDEMPOTENCY_TTL_MS));
  if (claim.kind === 'busy') return fail({ type: 'IdempotencyKeyInUse' });
  if (claim.kind === 'existing') {
    if (claim.fingerprint !== request.fingerprint) return fail({ type: 'IdempotencyKeyReused' });
    tx.afterCommit(() => events.publish({ type: 'IdempotentReplay', scope: request.scope }));
    return claim.result as Result<T, F>;
  }
  // The key's completion is the last write, not the work's: the work may not send the COMMIT with one of its own.
  const result = await work({ ...tx, commitWith: (write) => write });
  await tx.commitWith(tx.idempotency.complete(request, result));
  return result;
}

/** Money-moving work in a transaction of its own, at the clock's now, run at most once per idempotency key. */
export function runIdempotently<T, F>(
  uow: UnitOfWork,
  clock: Clock,
  events: EventSink,
  request: IdempotentRequest | undefined,
  work: (tx: Transaction, now: Date) => Promise<Result<T, F>>,
): Promise<Result<T, F | IdempotencyFailure>> {
  return uow.run((tx) => {
    const now = clock.now();
    return idempotently(tx, events, request, now, (inner) => work(inner, now));
  });
}
