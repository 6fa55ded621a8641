/** Recognises the driver errors that the adapters answer differently from a plain fault. */

const codeOf = (error: unknown): string | undefined =>
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
 * The database rolled the transaction back (InnoDB deadlock) or could not start it (SQLite still locked after
 * busy_timeout): running the whole work again may well succeed.
 */
export function isTransientConflict(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'ER_LOCK_DEADLOCK' || (code?.startsWith('SQLITE_BUSY') ?? false);
}
