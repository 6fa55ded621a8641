import { GeneratedIdTakenError } from './generated-id-taken-error';
import { StatementNotSentError } from './statement-pipeline';

/** Recognises the driver errors that the adapters answer differently from a plain fault. */

export const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

/**
 * A unique key already holds the value. Not a duplicate primary key on MySQL: on the tables keyed by a generated id,
 * those the adapters answer a duplicate for, that is the id taken (`isGeneratedIdTaken`), not the record.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  if (code === 'ER_DUP_ENTRY') return !isGeneratedIdTaken(error);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** MariaDB's "Duplicate entry '5' for key 'PRIMARY'" (MySQL 8 names the key `table.PRIMARY`). */
const PRIMARY_KEY_DUPLICATE = /for key '(?:[^']*\.)?PRIMARY'$/;

/** The id generated for a new row was taken (`GeneratedIdTakenError`): running the work again takes the next one. */
export function isGeneratedIdTaken(error: unknown): boolean {
  if (error instanceof GeneratedIdTakenError) return true;
  if (codeOf(error) !== 'ER_DUP_ENTRY') return false;
  const message = (error as { sqlMessage?: unknown }).sqlMessage;
  return typeof message === 'string' && PRIMARY_KEY_DUPLICATE.test(message);
}

const XSOLLA_TRANSACTION_TAKEN = /for key '(?:xsolla_transactions\.)?xsolla_transactions_transaction_id_unique'$/;

/**
 * Another delivery of a Xsolla transaction stored its row after this work read it as missing
 * (`insertTransaction`): MariaDB's "Duplicate entry '…' for key 'xsolla_transactions_transaction_id_unique'"
 * (MySQL 8 puts the table's name before the key's). Every other write of that key inserts or locks, so only that
 * insert meets it. Running the work again reads the row.
 */
export function isXsollaTransactionTaken(error: unknown): boolean {
  const message = (error as { sqlMessage?: unknown } | null)?.sqlMessage;
  return codeOf(error) === 'ER_DUP_ENTRY' && typeof message === 'string' && XSOLLA_TRANSACTION_TAKEN.test(message);
}

/**
 * The ledger's guarded update met a balance other than the one the posting was decided on (`KnexLedger`): it set
 * NULL, which `users.points` refuses (MySQL's "Column 'points' cannot be null" in strict mode, SQLite's NOT NULL
 * constraint). The statements after it in its round trip answer `StatementNotSentError` with it as the cause.
 */
export function isBalanceGuardFailure(error: unknown): boolean {
  const failure = error instanceof StatementNotSentError ? error.cause : error;
  const message = (failure as { message?: unknown } | null)?.message;
  if (typeof message !== 'string') return false;
  const code = codeOf(failure);
  return (
    (code === 'ER_BAD_NULL_ERROR' && message.includes("Column 'points' cannot be null")) ||
    (code === 'SQLITE_CONSTRAINT_NOTNULL' && message.includes('users.points'))
  );
}

/** InnoDB gave up waiting for a row lock another transaction holds (the statement, not the transaction, failed). */
export function isLockWaitTimeout(error: unknown): boolean {
  return codeOf(error) === 'ER_LOCK_WAIT_TIMEOUT';
}

/**
 * The database gave up on the transaction because of another one: an InnoDB deadlock or a Galera certification
 * failure (both ER_LOCK_DEADLOCK), a row changed since the transaction's snapshot (MariaDB's snapshot isolation,
 * ER_CHECKREAD), a generated id another node handed out too, a Xsolla transaction's row another delivery stored since
 * this one read it as missing, or SQLite still locked. Running the whole work again may well succeed.
 */
export function isTransientConflict(error: unknown): boolean {
  const code = codeOf(error);
  return (
    code === 'ER_LOCK_DEADLOCK' ||
    code === 'ER_CHECKREAD' ||
    (code?.startsWith('SQLITE_BUSY') ?? false) ||
    isGeneratedIdTaken(error) ||
    isXsollaTransactionTaken(error)
  );
}

/**
 * The database failed the COMMIT itself: on Galera, the node left the primary component while the transaction was
 * committing ("Error while appending streaming replication fragment (provider status: Not connected to Primary
 * Component)"). Whether the rest of the cluster applied the write set, that node cannot tell.
 */
export function isCommitFailure(error: unknown): boolean {
  return codeOf(error) === 'ER_ERROR_DURING_COMMIT';
}

/** Driver codes of a database that cannot be reached, refuses the connection, or is not ready for queries. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  // MariaDB shutting down ends the sessions it still has (error 1927).
  'ER_CONNECTION_KILLED',
  // A Galera node outside the primary component: "WSREP has not yet prepared node for application use".
  'ER_UNKNOWN_COM_ERROR',
  'SQLITE_CANTOPEN',
]);

/** No connection came out of knex's pool within its acquire timeout (DATABASE_CONNECT_TIMEOUT_MS). */
export function isPoolTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'KnexTimeoutError';
}

/** The database is down, unreachable or not accepting queries; nothing of the transaction was committed. */
export function isUnreachable(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined) return UNREACHABLE_CODES.has(code);
  // No connection came out of the pool in time (DATABASE_CONNECT_TIMEOUT_MS), none of them being at work.
  if (isPoolTimeout(error)) return true;
  // mysql2 reports a closed connection without a code.
  return error instanceof Error && /connection is in closed state/.test(error.message);
}
