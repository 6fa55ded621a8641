import { StorageUnavailableError } from '../../application/ports/storage-failures';
import { codeOf, isUnreachable } from './database-errors';

/** What an operator can do about each way of failing to reach the database, by driver error code. */
const ADVICE: Record<string, string> = {
  ECONNREFUSED: 'is MariaDB/MySQL running, on that host and port?',
  ENOTFOUND: 'check the host name in DATABASE_URL',
  EAI_AGAIN: 'check the host name in DATABASE_URL',
  ETIMEDOUT: 'check the host, the port and any firewall between',
  EHOSTUNREACH: 'check the host, the port and any firewall between',
  ER_ACCESS_DENIED_ERROR: 'check the user and password in DATABASE_URL',
  ER_BAD_DB_ERROR: 'create the database (CREATE DATABASE ...) or fix its name in DATABASE_URL',
  ER_DBACCESS_DENIED_ERROR: 'grant the user access to the database, or use another user in DATABASE_URL',
  ER_HOST_NOT_PRIVILEGED: 'allow the user to connect from this host',
  KnexTimeoutError: 'the database did not hand out a connection in time: is it overloaded or unreachable?',
  SQLITE_CANTOPEN: 'check the path in DATABASE_URL and that its folder is writable',
  SQLITE_NOTADB: 'the file is not a SQLite database: check the path in DATABASE_URL',
  EACCES: 'check the path in DATABASE_URL and the permissions of its folder',
  EROFS: 'the SQLite file must be on a writable file system',
  ENOTDIR: 'check the path in DATABASE_URL',
};

const UNREACHABLE = 'the database is down or unreachable: check that it runs and takes connections';

/**
 * The driver's error and what to do about it, for an error met while connecting to the database (refused, unknown
 * host, access denied, no such database, a SQLite file that cannot be opened, or any other way of being
 * unreachable); null when the error is something else.
 */
export function connectionFailure(error: unknown): { driverError: Error; advice: string } | null {
  // A unit of work names an unreachable database StorageUnavailableError, with the driver's error as its cause.
  const driverError = error instanceof StorageUnavailableError ? error.cause : error;
  if (!(driverError instanceof Error)) return null;
  const advice = ADVICE[codeOf(driverError) ?? driverError.name] ?? (isUnreachable(driverError) ? UNREACHABLE : null);
  return advice === null ? null : { driverError, advice };
}
