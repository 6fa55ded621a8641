import { webhookAuthorization } from './webhook-signature';

export interface WebhookReply {
  status: number;
  /** The answer's body as text; empty for a 204. */
  body: string;
}

/** Posts a webhook as Xsolla does: the body's exact bytes, signed with the project's secret. */
export async function sendSignedWebhook(
  url: string,
  body: Uint8Array,
  secret: string,
  timeoutMs = 10_000,
): Promise<WebhookReply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: webhookAuthorization(body, secret) },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, body: await response.text() };
}
