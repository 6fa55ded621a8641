import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** A message as Discord's "Execute Webhook" takes it (the parts Forte sends). */
export interface WebhookMessage {
  username?: string;
  content?: string;
  embeds?: {
    title?: string;
    description?: string;
    color?: number;
    timestamp?: string;
    fields?: { name: string; value: string; inline?: boolean }[];
  }[];
}

export interface ReceivedMessage {
  at: number;
  message: WebhookMessage;
}

export interface DiscordWebhookEmulator {
  /** `origin/api/webhooks/{id}/{token}`, as Discord hands it out. */
  url: string;
  /** Messages accepted (204), in order. */
  received: ReceivedMessage[];
  /** Every call, accepted or not, with its answer's status. */
  calls: { at: number; status: number }[];
  /** The next `count` calls answer 429 with `retry_after` seconds, as Discord's rate limiter does. */
  rateLimitNext(count: number, retryAfterSeconds: number): void;
  /** Answers every call after `ms` (a slow Discord); 0 to stop. */
  setDelay(ms: number): void;
  /** Discord away: every call answers 503 until set back. */
  setDown(down: boolean): void;
  /** The embeds of every accepted message, in order. */
  embeds(): NonNullable<WebhookMessage['embeds']>;
  close(): Promise<void>;
}

const ID = '1180000000000000001';
const TOKEN = 'emulated-webhook-token_3xYq';

/**
 * A local stand-in for Discord's webhook API (`POST /api/webhooks/{id}/{token}`): JSON only; a message needs
 * content or embeds; at most 10 embeds, 6,000 characters over them, 256 per title, 4,096 per description, 25
 * fields of 256/1,024; otherwise 400 with Discord's `{"code": 50035, "message": "Invalid Form Body"}`. 204 when
 * accepted; 429 with `retry_after` when told to rate-limit; 404 `Unknown Webhook` for another id or token.
 */
export async function startDiscordWebhookEmulator(): Promise<DiscordWebhookEmulator> {
  const received: ReceivedMessage[] = [];
  const calls: { at: number; status: number }[] = [];
  let limited = 0;
  let retryAfter = 0;
  let delayMs = 0;
  let down = false;

  const answer = (response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    calls.push({ at: Date.now(), status });
    if (body === undefined) return void response.writeHead(status, headers).end();
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

  const server = createServer((request, response) => {
    void readBody(request).then(async (body) => {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (request.method !== 'POST' || request.url?.split('?')[0] !== `/api/webhooks/${ID}/${TOKEN}`) {
        return answer(response, 404, { message: 'Unknown Webhook', code: 10015 });
      }
      if (down) return answer(response, 503, { message: 'upstream connect error', code: 0 });
      if (limited > 0) {
        limited -= 1;
        return answer(
          response,
          429,
          { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
          { 'retry-after': String(Math.ceil(retryAfter)), 'x-ratelimit-remaining': '0' },
        );
      }
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
        return answer(response, 400, { message: 'Cannot send an empty message', code: 50006 });
      }
      let message: WebhookMessage;
      try {
        message = JSON.parse(body) as WebhookMessage;
      } catch {
        return answer(response, 400, { message: 'The request body contains invalid JSON.', code: 50109 });
      }
      const problem = invalidPart(message);
      if (problem) return answer(response, 400, { message: 'Invalid Form Body', code: 50035, errors: problem });
      received.push({ at: Date.now(), message });
      answer(response, 204);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/api/webhooks/${ID}/${TOKEN}`,
    received,
    calls,
    rateLimitNext: (count, seconds) => {
      limited = count;
      retryAfter = seconds;
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    setDown: (value) => {
      down = value;
    },
    embeds: () => received.flatMap((entry) => entry.message.embeds ?? []),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function invalidPart(message: WebhookMessage): string | null {
  const embeds = message.embeds ?? [];
  if (!message.content && embeds.length === 0) return 'content or embeds: required';
  if ((message.content ?? '').length > 2000) return 'content: at most 2000';
  if (embeds.length > 10) return 'embeds: at most 10';
  let total = 0;
  for (const embed of embeds) {
    if ((embed.title ?? '').length > 256) return 'embeds.title: at most 256';
    if ((embed.description ?? '').length > 4096) return 'embeds.description: at most 4096';
    if ((embed.fields ?? []).length > 25) return 'embeds.fields: at most 25';
    for (const field of embed.fields ?? []) {
      if (!field.name || field.name.length > 256) return 'embeds.fields.name: 1 to 256';
      if (!field.value || field.value.length > 1024) return 'embeds.fields.value: 1 to 1024';
      total += field.name.length + field.value.length;
    }
    total += (embed.title ?? '').length + (embed.description ?? '').length;
  }
  return total > 6000 ? 'embeds: at most 6000 characters in all' : null;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
