import { inspect } from 'node:util';
import { Knex } from 'knex';

const toStderr = (...parts: unknown[]): void => {
  process.stderr.write(`knex: ${parts.map((part) => (typeof part === 'string' ? part : inspect(part))).join(' ')}\n`);
};

/** Messages of knex's pool whose error reaches the caller too. */
const REPORTED_BY_THE_CALLER = ['Acquire connection error', 'Connection Error:'];

/**
 * knex logs with console.log, on stdout, among the access log and `--json` output: its messages go to stderr
 * instead. A failed connection attempt is left out, and so is the pool's note that it destroyed a connection whose
 * COMMIT or ROLLBACK failed (connection-transaction.ts): the same error reaches the caller, who reports it once.
 */
export const KNEX_LOG: Knex.Logger = {
  warn: (message) => {
    if (!(typeof message === 'string' && REPORTED_BY_THE_CALLER.some((start) => message.startsWith(start)))) {
      toStderr(message);
    }
  },
  error: toStderr,
  debug: toStderr,
  deprecate: toStderr,
};
