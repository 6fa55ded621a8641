import { Context, Middleware } from 'koa';
import {
  CommitOutcomeUnknownError,
  StorageBusyError,
  StorageUnavailableError,
} from '../../application/ports/storage-failures';
import { errorBody } from './error-body';
import { HttpObserver, StorageRefusal } from './http-observer';
import { HttpProblem } from './http-problem';
import { requestFactsOf } from './request-facts';

/** Seconds a client waits before retrying a 503: contention clears quickly, an outage less so. */
const RETRY_AFTER_SECONDS: Record<StorageRefusal, number> = { BUSY: 1, DATABASE_UNAVAILABLE: 5 };

const STORAGE_MESSAGES: Record<StorageRefusal, string> = {
  BUSY: 'Too many conflicting requests for the same data right now; retry shortly with the same Idempotency-Key.',
  DATABASE_UNAVAILABLE: 'The database cannot be reached right now; nothing was written. Retry later.',
};

/** The connection was lost, or the database failed, at COMMIT: "nothing was written" would be a guess. */
const COMMIT_UNKNOWN_MESSAGE =
  'The database failed while saving; the change may have been applied. Retry later with the same ' +
  'Idempotency-Key, which answers what was done.';

/**
 * Turns every thrown error into the error body: a refusal keeps its status and code; contention and an unreachable
 * database are 503s with `Retry-After`; anything else is a fault of Forte, reported and answered 500 with a generic
 * message (never the error itself, which may leak internals).
 */
export function errorBoundary(observer: HttpObserver): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (error instanceof HttpProblem) {
        if (error.code === 'MALFORMED_HTTP') observer.protocolError(error);
        ctx.status = error.status;
        ctx.body = errorBody(error.code, error.message, error.details);
        return;
      }
      const refusal = storageRefusalOf(error);
      if (refusal) {
        answerStorageRefusal(ctx, refusal, error instanceof CommitOutcomeUnknownError ? COMMIT_UNKNOWN_MESSAGE : null);
        observer.storageRefusal(refusal, requestFactsOf(ctx));
        return;
      }
      observer.fault(error, requestFactsOf(ctx));
      ctx.status = 500;
      ctx.body = errorBody('INTERNAL_ERROR', 'Something went wrong on our side; it has been reported.');
    }
  };
}

function storageRefusalOf(error: unknown): StorageRefusal | null {
  if (error instanceof StorageBusyError) return 'BUSY';
  if (error instanceof StorageUnavailableError) return 'DATABASE_UNAVAILABLE';
  return null;
}

function answerStorageRefusal(ctx: Context, refusal: StorageRefusal, message: string | null): void {
  ctx.status = 503;
  ctx.set('Retry-After', String(RETRY_AFTER_SECONDS[refusal]));
  ctx.body = errorBody(refusal, message ?? STORAGE_MESSAGES[refusal]);
}
