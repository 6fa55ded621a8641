import { Context } from 'koa';

/** A refusal that says the database, not the request, is the trouble: both are 503s the client should retry. */
export type StorageRefusal = 'BUSY' | 'DATABASE_UNAVAILABLE';

/** What the HTTP adapter tells the rest of the house about the requests it could not answer normally. */
export interface HttpObserver {
  /** An unexpected error, answered 500: a fault of Forte, for Sentry. */
  fault(error: unknown, ctx: Context): void;
  /** A 503 for contention or an unreachable database: expected under load or in an outage; counted, not a fault. */
  storageRefusal(refusal: StorageRefusal, ctx: Context): void;
  /** Malformed HTTP (bad framing, a Content-Length that does not match the body): the client's fault, counted. */
  protocolError(error: Error): void;
}
