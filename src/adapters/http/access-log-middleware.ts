import { Context, Middleware } from 'koa';
import { redactedUrl } from './redacted-url';

export interface AccessLogEntry {
  remoteAddress: string;
  remoteUser: string | null;
  at: Date;
  method: string;
  url: string;
  httpVersion: string;
  status: number;
  bytes: number;
  referer: string | null;
  userAgent: string | null;
  seconds: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * One line of the `forte` format: nginx's combined format followed by the response time in seconds with
 * millisecond precision (`$request_time`), so `forte-cli logs` and GoAccess read it alike. Times are UTC.
 */
export function formatForteLine(entry: AccessLogEntry): string {
  const request = `${entry.method} ${entry.url} HTTP/${entry.httpVersion}`;
  return [
    `${entry.remoteAddress} - ${entry.remoteUser ?? '-'} [${clfTime(entry.at)}]`,
    `"${escape(request)}" ${entry.status} ${entry.bytes > 0 ? entry.bytes : '-'}`,
    `"${escape(entry.referer ?? '-')}" "${escape(entry.userAgent ?? '-')}" ${entry.seconds.toFixed(3)}`,
  ].join(' ');
}

/**
 * Writes one line per request once the response is over (sent or abandoned), so that the time and status are
 * those the client saw. `remoteUser` names the authenticated client: who called is what an operator asks first.
 */
export function forteAccessLog(sink: (line: string) => void, remoteUser: (ctx: Context) => string | null): Middleware {
  return async (ctx, next) => {
    const at = new Date();
    const started = process.hrtime.bigint();
    ctx.res.once('close', () => {
      const length = Number(ctx.res.getHeader('content-length'));
      sink(
        formatForteLine({
          remoteAddress: ctx.ip.replace(/^::ffff:/, ''),
          remoteUser: remoteUser(ctx),
          at,
          method: ctx.method,
          url: redactedUrl(ctx.originalUrl),
          httpVersion: ctx.req.httpVersion,
          status: answeredStatus(ctx),
          bytes: ctx.method === 'HEAD' || !Number.isFinite(length) ? 0 : length,
          referer: ctx.get('Referer') || null,
          userAgent: ctx.get('User-Agent') || null,
          seconds: Number(process.hrtime.bigint() - started) / 1e9,
        }),
      );
    });
    await next();
  };
}

/** The status the client saw; nginx's 499 when it went away before the answer was complete. */
export function answeredStatus(ctx: Context): number {
  return ctx.res.writableFinished ? ctx.res.statusCode : 499;
}

const pad = (value: number): string => String(value).padStart(2, '0');

function clfTime(at: Date): string {
  const day = `${pad(at.getUTCDate())}/${MONTHS[at.getUTCMonth()]}/${at.getUTCFullYear()}`;
  return `${day}:${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} +0000`;
}

/** As nginx escapes logged strings: quotes, backslashes and non-printable bytes become `\xHH`. */
function escape(value: string): string {
  return Array.from(Buffer.from(value, 'utf8'), (byte) =>
    byte === 0x22 || byte === 0x5c || byte < 0x20 || byte > 0x7e
      ? `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`
      : String.fromCharCode(byte),
  ).join('');
}
