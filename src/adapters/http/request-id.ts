import { randomUUID } from 'node:crypto';
import { Context, Middleware } from 'koa';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** An incoming id is kept only in this shape: a proxy's UUID or trace id, nothing that could forge a log line. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id, answered as `X-Request-Id` and carried by its log lines and Sentry events. Behind a
 * trusted proxy (`TRUST_PROXY`) the proxy's own `X-Request-Id` is kept, so one id follows the request through both;
 * otherwise a client could choose the id its request is logged under, so a fresh one is made.
 */
export function requestIds(options: { trustProxy: boolean }): Middleware {
  return async (ctx, next) => {
    const incoming = options.trustProxy ? ctx.get(REQUEST_ID_HEADER) : '';
    const id = ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = id;
    ctx.set(REQUEST_ID_HEADER, id);
    await next();
  };
}

export function requestIdOf(ctx: Context): string | null {
  const id: unknown = ctx.state.requestId;
  return typeof id === 'string' ? id : null;
}
