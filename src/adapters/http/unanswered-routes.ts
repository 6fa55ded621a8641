import { redactedUrl } from './redacted-url';
import { Middleware } from 'koa';
import { HttpProblem } from './http-problem';

/**
 * The router leaves an unknown path at a bare 404 and a known path with another method at a bare 405 (with
 * `Allow`); give those the error body every other refusal has.
 */
export function unansweredRoutes(): Middleware {
  return async (ctx, next) => {
    await next();
    if (ctx.body !== undefined && ctx.body !== null) return;
    if (ctx.status === 404)
      throw new HttpProblem(404, 'ROUTE_NOT_FOUND', `No route for ${ctx.method} ${redactedUrl(ctx.path)}.`);
    if (ctx.status === 405) {
      throw new HttpProblem(405, 'METHOD_NOT_ALLOWED', `${ctx.method} is not allowed on ${redactedUrl(ctx.path)}.`, {
        allow: ctx.response.get('Allow'),
      });
    }
    if (ctx.status === 501) throw new HttpProblem(501, 'NOT_IMPLEMENTED', `${ctx.method} is not supported.`);
  };
}
