/**
 * Thrown by a unit of work when conflicting transactions (one hot user hit by several processes or cluster nodes)
 * outlasted its retries, or a row lock was held past the lock wait. Nothing was written; the same request, with
 * the same idempotency key, may well succeed a moment later.
 */
export class StorageBusyError extends Error {
  constructor(options: { cause: unknown }) {
    super('Conflicting transactions outlasted the retries', options);
    this.name = 'StorageBusyError';
  }
}

/** Thrown when the database cannot be reached. Nothing was written; retry once it is back. */
export class StorageUnavailableError extends Error {
  constructor(options: { cause: unknown }) {
    super(
      `The database cannot be reached: ${(options.cause as Error | undefined)?.message ?? String(options.cause)}`,
      options,
    );
    this.name = 'StorageUnavailableError';
  }
}
