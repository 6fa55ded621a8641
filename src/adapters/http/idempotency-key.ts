import { createHash } from 'node:crypto';
import { Context } from 'koa';
import { IdempotentRequest } from '../../application/ports/idempotency-repository';
import { Client } from '../../domain/client';
import { canonicalJson } from './canonical-json';
import { IdempotencyHeaders } from './schemas/idempotency-schemas';
import { validate } from './validate';

/**
 * The request's `Idempotency-Key` as the use case needs it, or undefined without one. Keys are scoped to the
 * client and the route, and the fingerprint covers everything the request asks for (path and parsed body).
 */
export function idempotentRequest(
  ctx: Context,
  client: Client,
  route: string,
  asked: { params: unknown; body: unknown },
): IdempotentRequest | undefined {
  const key = validate('headers', IdempotencyHeaders, { 'idempotency-key': ctx.headers['idempotency-key'] })[
    'idempotency-key'
  ];
  if (key === undefined) return undefined;
  return {
    scope: `client:${client.id} ${ctx.method} ${route}`,
    key,
    fingerprint: createHash('sha256').update(canonicalJson(asked)).digest('hex'),
  };
}
