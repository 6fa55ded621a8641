import { Middleware } from 'koa';
import { answeredStatus } from './access-log-middleware';
import { RequestLogEntry } from './http-observer';
import { requestFactsOf } from './request-facts';

/** One structured entry per request once its response is over, with the request id the client was answered. */
export function requestLog(log: (entry: RequestLogEntry) => void): Middleware {
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    ctx.res.once('close', () =>
      log({
        ...requestFactsOf(ctx),
        status: answeredStatus(ctx),
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e3) / 1e3,
        remoteAddress: ctx.ip.replace(/^::ffff:/, ''),
      }),
    );
    await next();
  };
}
