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

/** Thrown when the database cannot be reached. Nothing was written (but see CommitOutcomeUnknownError); retry once it is back. */
export class StorageUnavailableError extends Error {
  constructor(options: { cause: unknown }) {
    super(
      `The database cannot be reached: ${(options.cause as Error | undefined)?.message ?? String(options.cause)}`,
      options,
    );
    this.name = 'StorageUnavailableError';
  }
}

/**
 * Thrown when the connection was lost while the transaction was committing, or the COMMIT failed on a cluster node
 * that lost its cluster: the database may have applied it or not, and nobody can tell from here. Work that carries
 * its idempotency key (or an Xsolla transaction id) is safe to send again: a second run answers what the first one
 * did.
 */
export class CommitOutcomeUnknownError extends StorageUnavailableError {
  constructor(options: { cause: unknown }) {
    super(options);
    this.message = `The commit's outcome is unknown; the work may have been applied: ${this.message}`;
    this.name = 'CommitOutcomeUnknownError';
  }
}
