import { LosslessNumber } from 'lossless-json';
import { withFields } from '../../src/adapters/xsolla/notification-document';
import { webhookFixture } from '../../src/adapters/xsolla/webhook-fixtures';
import { webhookAuthorization } from '../../src/adapters/xsolla/webhook-signature';

/** The project secret test servers run with. */
export const XSOLLA_TEST_SECRET = 'forte-test-project-secret';

/** The webhook fixtures (Xsolla's own payloads, from its SDK's tests and docs), by notification type. */
export const XSOLLA_WEBHOOK_FIXTURES = [
  'payment',
  'order_paid',
  'refund',
  'partial_refund',
  'order_canceled',
  'afs_reject',
  'user_balance_operation',
  'user_validation',
] as const;

export type XsollaFixture = (typeof XSOLLA_WEBHOOK_FIXTURES)[number];

/** A fixture's text exactly as stored in test/fixtures/xsolla. */
export function xsollaFixture(name: string): string {
  const text = webhookFixture(name);
  if (text === null) throw new Error(`No webhook fixture ${name}`);
  return text;
}

/** A JSON number of exactly these digits: Xsolla's transaction ids are numbers and may exceed 2^53. */
export const jsonNumber = (digits: string): LosslessNumber => new LosslessNumber(digits);

/** Where each fixture names its user and its key, as a combined-mode project would receive them. */
const AIMS: Record<XsollaFixture, (userId: string, id: string) => Record<string, unknown>> = {
  payment: (userId, id) => ({ 'user.id': userId, 'transaction.id': jsonNumber(id) }),
  refund: (userId, id) => ({ 'user.id': userId, 'transaction.id': jsonNumber(id) }),
  partial_refund: (userId, id) => ({ 'user.id': userId, 'transaction.id': jsonNumber(id) }),
  afs_reject: (userId, id) => ({ 'user.id': userId, 'transaction.id': jsonNumber(id) }),
  order_paid: (userId, id) => ({ 'user.external_id': userId, 'order.invoice_id': id }),
  order_canceled: (userId, id) => ({ 'user.external_id': userId, 'order.invoice_id': id }),
  user_balance_operation: (userId, id) => ({ 'user.id': userId, id_operation: id }),
  user_validation: (userId) => ({ 'user.id': userId }),
};

/**
 * A fixture aimed at a Forte user and a transaction (or `id_operation`), with any other fields changed too: the
 * text Xsolla would send.
 */
export function aimedFixture(
  name: XsollaFixture,
  userId: number | string,
  id: string,
  fields: Record<string, unknown> = {},
): string {
  return withFields(xsollaFixture(name), { ...AIMS[name](String(userId), id), ...fields });
}

export interface WebhookAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/**
 * Posts a webhook as Xsolla does: the body's bytes, signed with the secret (or with the `authorization` given,
 * or with none when it is null).
 */
export async function sendWebhook(
  url: string,
  body: string | Buffer,
  options: { secret?: string; authorization?: string | null; headers?: Record<string, string> } = {},
): Promise<WebhookAnswer> {
  const { status, body: answered } = await sendWebhookSeeingHeaders(url, body, options);
  return { status, body: answered };
}

/** `sendWebhook`, answering the response's headers too (a 503's `Retry-After`). */
export async function sendWebhookSeeingHeaders(
  url: string,
  body: string | Buffer,
  options: { secret?: string; authorization?: string | null; headers?: Record<string, string> } = {},
): Promise<WebhookAnswer & { headers: Headers }> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const authorization =
    options.authorization === undefined
      ? webhookAuthorization(bytes, options.secret ?? XSOLLA_TEST_SECRET)
      : options.authorization;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization === null ? {} : { authorization }),
      ...options.headers,
    },
    body: bytes,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? null : JSON.parse(text) };
}
