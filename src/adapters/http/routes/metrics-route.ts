import { createHash, timingSafeEqual } from 'node:crypto';
import Router from '@koa/router';
import { Registry } from 'prom-client';
import { HttpProblem } from '../http-problem';

export interface MetricsExposure {
  registry: Registry;
  /** When set, `/metrics` wants `Authorization: Bearer <token>`; otherwise the network policy guards it. */
  token: string | null;
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** `GET /metrics` in the Prometheus text format. */
export function mountMetricsRoute(router: Router, metrics: MetricsExposure): void {
  const expected = metrics.token === null ? null : digest(`Bearer ${metrics.token}`);
  router.get('/metrics', async (ctx) => {
    // Digests of equal length let the comparison take the same time whatever the guess.
    if (expected && !timingSafeEqual(digest(ctx.get('Authorization')), expected)) {
      throw new HttpProblem(401, 'UNAUTHENTICATED', 'The metrics token is required.');
    }
    ctx.type = metrics.registry.contentType;
    ctx.body = await metrics.registry.metrics();
  });
}
