import { createHash, timingSafeEqual } from 'node:crypto';

/** Xsolla's webhook signature: SHA-1 of the body's bytes as sent followed by the project's secret key. */
const digest = (body: Uint8Array, secret: string): Buffer =>
  createHash('sha1').update(body).update(secret, 'utf8').digest();

/** The `Authorization` header Xsolla sends with a body. */
export const webhookAuthorization = (body: Uint8Array, secret: string): string =>
  `Signature ${digest(body, secret).toString('hex')}`;

export type SignatureCheck = 'valid' | 'missing' | 'invalid';

const SIGNATURE = /^Signature ([0-9a-f]{40})$/i;

/** Checks `Authorization: Signature <hex>` against the body's own signature, in constant time. */
export function checkWebhookSignature(body: Uint8Array, authorization: string, secret: string): SignatureCheck {
  if (authorization.trim() === '') return 'missing';
  const given = SIGNATURE.exec(authorization.trim())?.[1];
  if (given === undefined) return 'invalid';
  return timingSafeEqual(Buffer.from(given, 'hex'), digest(body, secret)) ? 'valid' : 'invalid';
}
