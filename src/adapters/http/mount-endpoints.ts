import Router from '@koa/router';
import { Context, Middleware } from 'koa';
import { Failure, FailureType } from '../../domain/failure';
import { authenticate, authenticatedClient } from './authenticate';
import { AnyEndpoint, EndpointAnswer, EndpointAuth, NO_FIELDS } from './endpoint';
import { failureAnswer } from './failure-responses';
import { HttpDependencies } from './http-dependencies';
import { idempotentRequest } from './idempotency-key';
import { admitPanelUser, PanelAdmission, panelUserOf } from './panel/panel-admission';
import { jsonBodyOf, parseJsonBody, rawBodyOf } from './parse-json-body';
import { requireScope } from './require-scope';
import { validate } from './validate';
import { admitXsolla } from './xsolla-admission';

export const API_PREFIX = '/api/v2';

/** `/users/{id}` (OpenAPI) → `/users/:id` (the router). */
export const routerPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

export type MountDeps = Pick<HttpDependencies, 'authenticateClient' | 'xsollaWebhooks' | 'events' | 'networkCheck'> & {
  bodyLimitBytes: number;
  /** The panel's sessions; null while the panel is off (and no panel endpoint is mounted). */
  panel: PanelAdmission | null;
  /** The per-client rate limit every bot endpoint shares (one count per client), when one is configured. */
  rateLimit?: Middleware;
};

/** A caller's admission: its middleware, and whether it reads the body itself (to check a signature over it). */
interface Admission {
  middleware: Middleware[];
  readsBody: boolean;
}

/** How each kind of caller is admitted before the endpoint's own checks; a new kind without one does not compile. */
const ADMISSION: {
  [K in EndpointAuth['kind']]: (auth: Extract<EndpointAuth, { kind: K }>, deps: MountDeps) => Admission;
} = {
  bot: (auth, deps) => ({
    middleware: [
      authenticate(deps.authenticateClient, deps.networkCheck),
      ...(deps.rateLimit ? [deps.rateLimit] : []),
      requireScope(auth.scope),
    ],
    readsBody: false,
  }),
  xsolla: (_auth, deps) => ({
    middleware: admitXsolla(deps.xsollaWebhooks, deps.events, deps.bodyLimitBytes),
    readsBody: true,
  }),
  panel: (_auth, deps) => {
    if (!deps.panel) throw new Error('A panel endpoint is mounted while the panel is off');
    // It reads the form itself, for the CSRF token; a panel endpoint declares no JSON body.
    return { middleware: admitPanelUser(deps.panel, deps.bodyLimitBytes), readsBody: true };
  },
  none: () => ({ middleware: [], readsBody: false }),
};

const admissionOf = (auth: EndpointAuth, deps: MountDeps): Admission =>
  (ADMISSION[auth.kind] as (auth: EndpointAuth, deps: MountDeps) => Admission)(auth, deps);

/**
 * The caller its admission let in: a bot's client, Xsolla's signed delivery, the panel's signed-in user, or nobody
 * on an open endpoint.
 */
function callerOf(auth: EndpointAuth, ctx: Context) {
  if (auth.kind === 'bot') return authenticatedClient(ctx);
  if (auth.kind === 'xsolla') return { body: rawBodyOf(ctx) };
  if (auth.kind === 'panel') return panelUserOf(ctx);
  return null;
}

/** The failure types an endpoint documents, in the order it lists them. */
export const failureTypesOf = (endpoint: AnyEndpoint): FailureType[] => Object.keys(endpoint.failures) as FailureType[];

/**
 * Adds each endpoint to the router behind the same pipeline: admission of its caller (401, 403), body (400/413),
 * then params, query and body validated by the endpoint's own schemas (422) before `handle` sees them; a business
 * failure it answers goes through its own presentation or the failure table.
 */
export function mountEndpoints(
  router: Router,
  endpoints: AnyEndpoint[],
  deps: MountDeps,
  prefix: string = API_PREFIX,
): void {
  for (const endpoint of endpoints) {
    const admission = admissionOf(endpoint.auth, deps);
    const reads = endpoint.body && !admission.readsBody ? parseJsonBody(deps.bodyLimitBytes) : [];
    router[endpoint.method](`${prefix}${routerPath(endpoint.path)}`, ...admission.middleware, ...reads, async (ctx) => {
      const params = validate('params', endpoint.params ?? NO_FIELDS, ctx.params);
      const query = validate('query', endpoint.query ?? NO_FIELDS, ctx.query);
      const body: unknown = endpoint.body ? validate('body', endpoint.body, jsonBodyOf(ctx)) : undefined;
      // The query joins the fingerprint only where declared, so fingerprints already stored stay the same.
      const asked = endpoint.query ? { params, query, body } : { params, body };
      const idempotency =
        endpoint.idempotent && endpoint.auth.kind === 'bot'
          ? idempotentRequest(ctx, authenticatedClient(ctx), `${API_PREFIX}${endpoint.path}`, asked)
          : undefined;
      const client = callerOf(endpoint.auth, ctx);
      const outcome = await endpoint.handle({ params, query, body, client: client as never, idempotency });
      respond(ctx, outcome.ok ? outcome.value : presentFailure(endpoint, outcome.failure));
    });
  }
}

function presentFailure(endpoint: AnyEndpoint, failure: Failure): EndpointAnswer {
  const presentation = endpoint.failurePresentation;
  if (presentation) {
    const { status, code, message } = presentation.responses[failure.type];
    return { status, body: presentation.body(code, message) };
  }
  return endpoint.presentFailure?.(failure) ?? failureAnswer(failure);
}

function respond(ctx: Context, answer: { status: number; body?: unknown }): void {
  ctx.status = answer.status;
  if (answer.body !== undefined) ctx.body = answer.body;
}
