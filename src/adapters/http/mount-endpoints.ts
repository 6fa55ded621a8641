import Router from '@koa/router';
import { Middleware } from 'koa';
import { authenticate, authenticatedClient } from './authenticate';
import { AnyEndpoint, NO_FIELDS } from './endpoint';
import { HttpDependencies } from './http-dependencies';
import { idempotentRequest } from './idempotency-key';
import { jsonBodyOf, parseJsonBody } from './parse-json-body';
import { requireScope } from './require-scope';
import { validate } from './validate';

export const API_PREFIX = '/api/v2';

/** `/users/{id}` (OpenAPI) → `/users/:id` (the router). */
export const routerPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * Adds each endpoint to the router behind the same pipeline: token (401), scope (403), body (400/413), then
 * params, query and body validated by the endpoint's own schemas (422) before `handle` sees them.
 */
export function mountEndpoints(
  router: Router,
  endpoints: AnyEndpoint[],
  deps: Pick<HttpDependencies, 'authenticateClient'> & { bodyLimitBytes: number },
): void {
  for (const endpoint of endpoints) {
    const reads: Middleware[] = endpoint.body ? [parseJsonBody(deps.bodyLimitBytes)] : [];
    router[endpoint.method](
      `${API_PREFIX}${routerPath(endpoint.path)}`,
      authenticate(deps.authenticateClient),
      requireScope(endpoint.scope),
      ...reads,
      async (ctx) => {
        const client = authenticatedClient(ctx);
        const params = validate('params', endpoint.params ?? NO_FIELDS, ctx.params);
        const query = validate('query', endpoint.query ?? NO_FIELDS, ctx.query);
        const body: unknown = endpoint.body ? validate('body', endpoint.body, jsonBodyOf(ctx)) : undefined;
        // The query joins the fingerprint only where declared, so fingerprints already stored stay the same.
        const asked = endpoint.query ? { params, query, body } : { params, body };
        const idempotency = endpoint.idempotent
          ? idempotentRequest(ctx, client, `${API_PREFIX}${endpoint.path}`, asked)
          : undefined;
        const answer = await endpoint.handle({ params, query, body, client, idempotency });
        ctx.status = answer.status;
        if (answer.body !== undefined) ctx.body = answer.body;
      },
    );
  }
}
