import { z } from 'zod';
import { IdempotentRequest } from '../../application/ports/idempotency-repository';
import { Client } from '../../domain/client';
import { FailureType } from '../../domain/failure';
import { Scope } from '../../domain/scope';

/** For an endpoint without path parameters or query: still strict, so an unexpected one is refused. */
export const NO_FIELDS = z.strictObject({});

export type EndpointMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface EndpointAnswer {
  status: number;
  body?: unknown;
}

export interface EndpointRequest<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  client: Client;
  /** Present on an idempotent endpoint when the request carries an `Idempotency-Key`. */
  idempotency?: IdempotentRequest;
}

/**
 * One route of the bot API, described once: the router validates requests with these schemas and the OpenAPI
 * document is generated from the very same ones, so the two cannot drift apart.
 */
export interface Endpoint<
  P extends z.ZodObject = typeof NO_FIELDS,
  Q extends z.ZodObject = typeof NO_FIELDS,
  B extends z.ZodType = z.ZodUndefined,
> {
  method: EndpointMethod;
  /** Relative to `/api/v2`, with OpenAPI `{param}` placeholders. */
  path: string;
  summary: string;
  scope: Scope;
  params?: P;
  query?: Q;
  body?: B;
  /** Money-moving: reads `Idempotency-Key` and hands the use case an `IdempotentRequest`. */
  idempotent?: boolean;
  success: { status: number; description: string; schema?: z.ZodType };
  /** The business failures it may answer, documented with their status and code. */
  failures: FailureType[];
  /** Failure statuses whose body is not the standard error body (the legacy attendance shapes), for OpenAPI. */
  failureBodies?: Partial<Record<number, z.ZodType>>;
  handle(request: EndpointRequest<z.output<P>, z.output<Q>, z.output<B>>): Promise<EndpointAnswer>;
}

/** An endpoint of any shape, as the router and the OpenAPI document see it. */
export type AnyEndpoint = Endpoint<z.ZodObject, z.ZodObject, z.ZodType>;

/** Keeps the schema types for `handle` while letting endpoints of different shapes share one list. */
export const defineEndpoint = <
  P extends z.ZodObject = typeof NO_FIELDS,
  Q extends z.ZodObject = typeof NO_FIELDS,
  B extends z.ZodType = z.ZodUndefined,
>(
  endpoint: Endpoint<P, Q, B>,
): AnyEndpoint => endpoint as unknown as AnyEndpoint;
