import pino, { Logger } from 'pino';

export type { Logger };

/**
 * Forte's structured log: one JSON object a line on standard error, so that standard output stays free for the
 * access log (which GoAccess and `forte-cli logs` read line by line).
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'forte' }, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination(2));
}
