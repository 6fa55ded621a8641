/** Recognises the driver errors that the adapters answer differently from a plain fault. */

export const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

/** A unique (or primary) key already holds the value. */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** InnoDB gave up waiting for a row lock another transaction holds (the statement, not the transaction, failed). */
export function isLockWaitTimeout(error: unknown): boolean {
  return codeOf(error) === 'ER_LOCK_WAIT_TIMEOUT';
}

/**
 * The database gave up on the transaction because of another one: an InnoDB deadlock, a row changed since the
 * transaction's snapshot (MariaDB's snapshot isolation, ER_CHECKREAD), or SQLite still locked after
 * busy_timeout. Running the whole work again may well succeed.
 */
export function isTransientConflict(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_CHECKREAD' || (code?.startsWith('SQLITE_BUSY') ?? false);
}
