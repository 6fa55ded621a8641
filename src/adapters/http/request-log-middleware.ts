import { Middleware } from 'koa';
import { answeredStatus } from './access-log-middleware';
import { RequestLog } from './http-observer';
import { requestFactsOf } from './request-facts';

/** One structured entry per request once its response is over, with the request id the client was answered. */
export function requestLog(log: RequestLog): Middleware {
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    ctx.res.once('close', () => {
      const status = answeredStatus(ctx);
      if (!log.wants(status)) return;
      log.write({
        ...requestFactsOf(ctx),
        status,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e3) / 1e3,
        remoteAddress: ctx.ip.replace(/^::ffff:/, ''),
      });
    });
    await next();
  };
}
