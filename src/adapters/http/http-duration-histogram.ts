import { Middleware } from 'koa';
import { Histogram, Registry } from 'prom-client';

/** Requests that matched no route share one label, so that scanners cannot grow the series without bound. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Observes every request's duration in `http_request_duration_seconds`, labelled by route template (never the raw
 * path, whose ids would make a series per user), method and final status.
 */
export function httpDurationHistogram(registry: Registry): Middleware {
  const histogram = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Duration of HTTP requests in seconds, by route template, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return async (ctx, next) => {
    const stop = histogram.startTimer({ method: ctx.method });
    try {
      await next();
    } finally {
      const route: unknown = ctx._matchedRoute;
      stop({ route: typeof route === 'string' ? route : UNMATCHED_ROUTE, status: String(ctx.status) });
    }
  };
}
