import { OpenAPIRegistry, OpenApiGeneratorV31, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { AnyEndpoint, EndpointAuth } from '../endpoint';
import { FAILURE_RESPONSES } from '../failure-responses';
import { API_PREFIX, failureTypesOf } from '../mount-endpoints';
import { ErrorResponse } from '../schemas/error-schema';
import { IdempotencyHeaders } from '../schemas/idempotency-schemas';
import { API_RESOURCES, ApiResource, SERVICE_TAG } from './api-resources';
import { DOCUMENTATION_PATH } from './documentation-page';
import { SHOP_PATH } from '../routes/shop-routes';

const SECURITY_SCHEME = 'clientToken';
const XSOLLA_SECURITY_SCHEME = 'xsollaSignature';
const METRICS_SECURITY_SCHEME = 'metricsToken';

/** The refusals every authenticated endpoint may give before its use case runs. */
const REFUSALS: Record<number, string[]> = {
  401: ['UNAUTHENTICATED'],
  // FORBIDDEN: the token lacks the scope; ADDRESS_NOT_ALLOWED: the client calls from outside its allowed networks.
  403: ['FORBIDDEN', 'ADDRESS_NOT_ALLOWED'],
  422: ['VALIDATION_FAILED'],
  // Past RATE_LIMIT_PER_CLIENT requests a minute (when set); retry after `Retry-After` seconds.
  429: ['RATE_LIMITED'],
  // Retry after `Retry-After` seconds, with the same Idempotency-Key.
  503: ['BUSY', 'DATABASE_UNAVAILABLE'],
};

/** An open endpoint admits everyone and counts no client: no 401, 403 or 429. */
const OPEN_REFUSALS: Record<number, string[]> = Object.fromEntries(
  Object.entries(REFUSALS).filter(([status]) => !['401', '403', '429'].includes(status)),
);

const BODY_REFUSALS: Record<number, string[]> = {
  400: ['MALFORMED_JSON', 'MALFORMED_HTTP'],
  413: ['PAYLOAD_TOO_LARGE'],
  415: ['UNSUPPORTED_MEDIA_TYPE'],
};

/** Xsolla's webhook, refused in Xsolla's terms; a 5xx (retried by Xsolla) when Forte cannot store it. */
const XSOLLA_REFUSALS: Record<number, string[]> = {
  400: ['INVALID_PARAMETER', 'MALFORMED_HTTP'],
  401: ['INVALID_SIGNATURE', 'INVALID_CLIENT_IP'],
  413: ['PAYLOAD_TOO_LARGE'],
  415: ['UNSUPPORTED_MEDIA_TYPE'],
  503: ['BUSY', 'DATABASE_UNAVAILABLE', 'XSOLLA_NOT_CONFIGURED'],
};

/** The refusals of each kind of caller's admission, with those of reading a body where the endpoint takes one. */
function refusalsOf(auth: EndpointAuth, takesBody: boolean): Record<number, string[]> {
  if (auth.kind === 'xsolla') return XSOLLA_REFUSALS;
  const admission = auth.kind === 'bot' ? REFUSALS : OPEN_REFUSALS;
  return takesBody ? { ...admission, ...BODY_REFUSALS } : admission;
}

/** How each kind of caller proves who it is. */
function securityOf(auth: EndpointAuth): { description?: string; security?: Record<string, string[]>[] } {
  if (auth.kind === 'bot') {
    return { description: `Needs the scope \`${auth.scope}\`.`, security: [{ [SECURITY_SCHEME]: [auth.scope] }] };
  }
  if (auth.kind === 'xsolla') {
    return {
      description:
        'Sent by Xsolla, signed: `Authorization: Signature <sha1(raw body + project secret)>`. Answers 204 with no ' +
        'body for every notification it accepts (a duplicate too); errors are Xsolla error bodies.',
      security: [{ [XSOLLA_SECURITY_SCHEME]: [] }],
    };
  }
  return {};
}

/**
 * The OpenAPI 3.1 document of the bot API, generated from the schemas the router validates with, its routes
 * grouped by resource, and the service routes beside them.
 */
export function openApiDocument(
  resources: Partial<Record<ApiResource, AnyEndpoint[]>>,
): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', SECURITY_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'A client token from `forte-cli clients create`; the bare token without `Bearer ` is accepted too.',
  });
  registry.registerComponent('securitySchemes', XSOLLA_SECURITY_SCHEME, {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: '`Signature <hex SHA-1 of the raw body followed by XSOLLA_PROJECT_SECRET>`',
  });
  const documented = Object.entries(resources).flatMap(([tag, endpoints]) =>
    endpoints.map((endpoint) => ({ tag, endpoint })),
  );
  for (const { tag, endpoint } of documented) {
    const { auth } = endpoint;
    registry.registerPath({
      method: endpoint.method,
      path: `${API_PREFIX}${endpoint.path}`,
      tags: [tag],
      summary: endpoint.summary,
      ...securityOf(auth),
      request: {
        params: endpoint.params,
        query: endpoint.query,
        headers: endpoint.idempotent ? IdempotencyHeaders : undefined,
        // An empty body reads as `{}`, so a body whose every field is optional may be left out.
        body: endpoint.body && {
          required: !endpoint.body.safeParse({}).success,
          content: { 'application/json': { schema: endpoint.body } },
        },
      },
      responses: responsesOf(endpoint),
    });
  }
  registerServiceRoutes(registry);
  registerShopPage(registry);
  const tags = Object.keys(resources).map((name) => ({ name, description: API_RESOURCES[name as ApiResource] }));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Forte',
      version: '2',
      description:
        'The points ledger of the Discord bots. Every error answers `{"error": {code, message, details?}, "message"}`.',
    },
    tags: [...tags, SERVICE_TAG],
  });
}

function responsesOf(endpoint: AnyEndpoint): Record<string, ResponseConfig> {
  const codes = new Map<number, string[]>();
  const add = (status: number, code: string): void => {
    const listed = codes.get(status) ?? [];
    if (!listed.includes(code)) codes.set(status, [...listed, code]);
  };
  for (const [status, listed] of Object.entries(refusalsOf(endpoint.auth, endpoint.body !== undefined))) {
    listed.forEach((code) => add(Number(status), code));
  }
  const presentation = endpoint.failurePresentation;
  for (const failure of failureTypesOf(endpoint)) {
    const { status, code } = presentation?.responses[failure] ?? FAILURE_RESPONSES[failure];
    add(status, code);
  }

  const { status, description, schema } = endpoint.success;
  const responses: Record<string, ResponseConfig> = {
    [status]: schema ? { description, content: { 'application/json': { schema } } } : { description },
  };
  for (const [failureStatus, failureCodes] of codes) {
    // Xsolla reads an error body of its own; a 5xx keeps the shared one.
    const ownBody = failureStatus < 500 ? presentation?.schema : undefined;
    const body = endpoint.failureBodies?.[failureStatus] ?? ownBody;
    responses[failureStatus] = errorResponse(failureCodes.join(', '), body);
  }
  return responses;
}

const errorResponse = (description: string, schema: z.ZodType = ErrorResponse): ResponseConfig => ({
  description,
  content: { 'application/json': { schema } },
});

/** The short link's page: outside `/api/v2`, for people, not bots. */
function registerShopPage(registry: OpenAPIRegistry): void {
  const html = (description: string): ResponseConfig => ({
    description,
    content: { 'text/html': { schema: z.string() } },
  });
  registry.registerPath({
    method: 'get',
    path: SHOP_PATH,
    tags: ['Checkout'],
    summary: 'A short link to a Pay Station page (`short_url`), for a person following it',
    request: { params: z.object({ code: z.string().meta({ description: 'The code of `short_url`' }) }) },
    responses: {
      302: { description: 'To the Pay Station page, while the link is valid (an hour)' },
      404: html('No such link: a page that says so'),
      410: html('The link expired: a page that says to ask the bot for a new one'),
    },
  });
}

function registerServiceRoutes(registry: OpenAPIRegistry): void {
  const tags = [SERVICE_TAG.name];
  const json = (description: string, schema: z.ZodType): ResponseConfig => ({
    description,
    content: { 'application/json': { schema } },
  });
  registry.registerComponent('securitySchemes', METRICS_SECURITY_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'The `METRICS_TOKEN` of the server, when it sets one.',
  });
  registry.registerPath({
    method: 'get',
    path: '/health',
    tags,
    summary: 'Liveness: the process is up',
    description: 'Answers as long as the process runs; it does not ask the database (that is `/ready`).',
    responses: { 200: json('Up', z.object({ status: z.literal('ok') })) },
  });
  registry.registerPath({
    method: 'get',
    path: '/ready',
    tags,
    summary: 'Readiness: the database answers',
    description: 'Runs a query on the database: 200 when it answers, 503 otherwise (take the server out of rotation).',
    responses: {
      200: json('Ready', z.object({ status: z.literal('ready'), database: z.literal('up') })),
      503: errorResponse('NOT_READY: the database is not reachable (`details.database`: `unreachable`)'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/metrics',
    tags,
    summary: 'Prometheus metrics',
    description:
      'The Prometheus text format: the process metrics of prom-client (`process_*`, `nodejs_*`) and ' +
      '`http_request_duration_seconds`, a histogram labelled by route template, method and status. When the ' +
      'server sets `METRICS_TOKEN` it needs `Authorization: Bearer <METRICS_TOKEN>`; otherwise the network guards it.',
    security: [{ [METRICS_SECURITY_SCHEME]: [] }, {}],
    responses: {
      200: { description: 'Metrics', content: { 'text/plain; version=0.0.4': { schema: z.string() } } },
      401: errorResponse('UNAUTHENTICATED: METRICS_TOKEN is set and the request does not carry it'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/openapi.json',
    tags,
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1' } },
  });
  registry.registerPath({
    method: 'get',
    path: DOCUMENTATION_PATH,
    tags,
    summary: 'This document, rendered by Swagger UI (served from local files)',
    responses: { 200: { description: 'An HTML page', content: { 'text/html': { schema: z.string() } } } },
  });
}
