import { Middleware } from 'koa';
import { authenticatedClient } from './authenticate';
import { HttpProblem } from './http-problem';

const WINDOW_MS = 60_000;
/** Clients whose window is remembered at most; an unknown or long-quiet client starts a fresh window. */
const CLIENTS_KEPT = 10_000;

/**
 * At most `perMinute` requests per client (its token) in each fixed minute, counted in this process only: with N
 * processes behind a balancer a client gets up to N times the limit. Every answer carries `RateLimit-Limit`,
 * `RateLimit-Remaining` and `RateLimit-Reset` (seconds until the window ends); past the limit, 429 `RATE_LIMITED`
 * with `Retry-After`. Runs after authentication, so that an unknown token is never counted.
 */
export function clientRateLimit(perMinute: number, now: () => number = Date.now): Middleware {
  const windows = new Map<number, { startedAt: number; used: number }>();
  return async (ctx, next) => {
    const client = authenticatedClient(ctx);
    const at = now();
    let window = windows.get(client.id);
    if (!window || at - window.startedAt >= WINDOW_MS) {
      window = { startedAt: at, used: 0 };
      windows.delete(client.id);
      if (windows.size >= CLIENTS_KEPT) windows.delete(windows.keys().next().value as number);
      windows.set(client.id, window);
    }
    const resetSeconds = Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - at) / 1000));
    ctx.set('RateLimit-Limit', String(perMinute));
    ctx.set('RateLimit-Reset', String(resetSeconds));
    if (window.used >= perMinute) {
      ctx.set('RateLimit-Remaining', '0');
      ctx.set('Retry-After', String(resetSeconds));
      throw new HttpProblem(429, 'RATE_LIMITED', `At most ${perMinute} requests a minute; retry in ${resetSeconds} s.`);
    }
    window.used += 1;
    ctx.set('RateLimit-Remaining', String(perMinute - window.used));
    await next();
  };
}
