import { Context } from 'koa';
import { clientOf } from './authenticate';
import { UNMATCHED_ROUTE } from './http-duration-histogram';
import { RequestFacts } from './http-observer';
import { requestIdOf } from './request-id';

export function requestFactsOf(ctx: Context): RequestFacts {
  const route: unknown = ctx._matchedRoute;
  return {
    requestId: requestIdOf(ctx),
    method: ctx.method,
    route: typeof route === 'string' ? route : UNMATCHED_ROUTE,
    client: clientOf(ctx)?.name ?? null,
  };
}
