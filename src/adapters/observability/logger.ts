import pino, { Logger } from 'pino';

export type { Logger };

/**
 * Forte's structured log: one JSON object a line on standard error, so that standard output stays free for the
 * access log (which GoAccess and `forte-cli logs` read line by line).
 */
export function createLogger(level: string): Logger {
  // Written asynchronously: a reader slower than the requests (a full pipe) must never stall the event loop with a
  // request's transaction open. Pino flushes what is left when the process exits.
  return pino(
    { level, base: { service: 'forte' }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ dest: 2, sync: false }),
  );
}
