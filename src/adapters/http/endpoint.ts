import { z } from 'zod';
import { IdempotentRequest } from '../../application/ports/idempotency-repository';
import { Client } from '../../domain/client';
import { Failure } from '../../domain/failure';
import { Result } from '../../domain/result';
import { Scope } from '../../domain/scope';

/** For an endpoint without path parameters or query: still strict, so an unexpected one is refused. */
export const NO_FIELDS = z.strictObject({});

export type EndpointMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface EndpointAnswer {
  status: number;
  body?: unknown;
}

/**
 * Who may call an endpoint and how they prove it: a bot's client token with a scope, Xsolla's signature over the
 * body (and, when configured, its networks), a user signed in to the panel (its session cookie, and the CSRF token
 * on every form it posts), or anyone.
 */
export type EndpointAuth = { kind: 'bot'; scope: Scope } | { kind: 'xsolla' } | { kind: 'panel' } | { kind: 'none' };

export const botWithScope = (scope: Scope): { kind: 'bot'; scope: Scope } => ({ kind: 'bot', scope });

export const xsollaSignature: { kind: 'xsolla' } = { kind: 'xsolla' };

export const panelSession: { kind: 'panel' } = { kind: 'panel' };

/** A webhook whose signature held: the body's bytes exactly as they arrived. */
export interface XsollaSender {
  body: Buffer;
}

/** The signed-in panel user: the Forte user the session names, the only one the panel ever acts on. */
export interface PanelUser {
  userId: number;
  /** What the session's forms carry back; a post without it is refused before any handler runs. */
  csrfToken: string;
}

/** The caller an endpoint of that auth kind knows: a bot endpoint its client, Xsolla its delivery, a panel one its
 * user, an open one nobody. */
export type CallerOf<A extends EndpointAuth> = A extends { kind: 'bot' }
  ? Client
  : A extends { kind: 'xsolla' }
    ? XsollaSender
    : A extends { kind: 'panel' }
      ? PanelUser
      : null;

export interface EndpointRequest<P, Q, B, A extends EndpointAuth = EndpointAuth> {
  params: P;
  query: Q;
  body: B;
  client: CallerOf<A>;
  /** Present on an idempotent endpoint when the request carries an `Idempotency-Key`. */
  idempotency?: IdempotentRequest;
}

/** How HTTP answers one business failure. */
export interface FailureResponse {
  status: number;
  code: string;
  message: string;
}

/** An audience's own error answers: a status, code and message for each failure, in a body of its own shape. */
export interface FailurePresentation<F extends Failure> {
  responses: { readonly [K in F['type']]: FailureResponse };
  body(code: string, message: string): unknown;
  /** The body's schema, for OpenAPI. */
  schema: z.ZodType;
}

/** What a handler answers: its success as an answer, or its use case's business failure for the failure table. */
export type Outcome<F extends Failure> = Result<EndpointAnswer, F>;

/**
 * Exactly the business failures an endpoint's use case can answer, each once: one missing, or one the use case
 * cannot answer, does not compile. They are documented with their status and code.
 */
export type FailureList<F extends Failure> = { readonly [K in F['type']]: true };

/**
 * One route, described once: the router validates requests with these schemas and the OpenAPI document is
 * generated from the very same ones, so the two cannot drift apart.
 */
export interface Endpoint<
  P extends z.ZodObject = typeof NO_FIELDS,
  Q extends z.ZodObject = typeof NO_FIELDS,
  B extends z.ZodType = z.ZodUndefined,
  A extends EndpointAuth = EndpointAuth,
  F extends Failure = Failure,
> {
  method: EndpointMethod;
  /** Relative to `/api/v2` (the panel's: to the root), with OpenAPI `{param}` placeholders. */
  path: string;
  summary: string;
  auth: A;
  params?: P;
  query?: Q;
  body?: B;
  /** Money-moving: reads `Idempotency-Key` and hands the use case an `IdempotentRequest` (bot endpoints only). */
  idempotent?: A extends { kind: 'bot' } ? boolean : never;
  success: { status: number; description: string; schema?: z.ZodType };
  failures: FailureList<F>;
  /** A failure answered otherwise than with the standard error body (the legacy attendance shapes), or null. */
  presentFailure?: (failure: F) => EndpointAnswer | null;
  /** Every failure answered in another audience's terms (Xsolla's codes and error body) instead of the table's. */
  failurePresentation?: FailurePresentation<F>;
  /** Failure statuses whose body is not the standard error body, for OpenAPI. */
  failureBodies?: Partial<Record<number, z.ZodType>>;
  handle(request: EndpointRequest<z.output<P>, z.output<Q>, z.output<B>, A>): Promise<Outcome<F>>;
}

/** An endpoint of any shape, as the router and the OpenAPI document see it. */
export type AnyEndpoint = Endpoint<z.ZodObject, z.ZodObject, z.ZodType, EndpointAuth, Failure>;

/** Keeps the schema and failure types for `handle` while letting endpoints of different shapes share one list. */
export const defineEndpoint = <
  P extends z.ZodObject = typeof NO_FIELDS,
  Q extends z.ZodObject = typeof NO_FIELDS,
  B extends z.ZodType = z.ZodUndefined,
  A extends EndpointAuth = EndpointAuth,
  F extends Failure = never,
>(
  endpoint: Endpoint<P, Q, B, A, F>,
): AnyEndpoint => endpoint as unknown as AnyEndpoint;
