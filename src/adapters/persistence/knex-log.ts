import { inspect } from 'node:util';
import { Knex } from 'knex';

const toStderr = (...parts: unknown[]): void => {
  process.stderr.write(`knex: ${parts.map((part) => (typeof part === 'string' ? part : inspect(part))).join(' ')}\n`);
};

/**
 * knex logs with console.log, on stdout, among the access log and `--json` output: its messages go to stderr
 * instead. A failed connection attempt is left out: the same error reaches the caller, who reports it once.
 */
export const KNEX_LOG: Knex.Logger = {
  warn: (message) => {
    if (!(typeof message === 'string' && message.startsWith('Acquire connection error'))) toStderr(message);
  },
  error: toStderr,
  debug: toStderr,
  deprecate: toStderr,
};
