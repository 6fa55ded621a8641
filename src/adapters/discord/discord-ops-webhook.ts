import { OpsNotice, OpsNotifier } from '../../application/ports/ops-notifier';

export interface DiscordOpsWebhookOptions {
  /** `https://discord.com/api/webhooks/{id}/{token}`: a secret, never logged. */
  url: string;
  /** How long notices gather before they are sent together (a burst becomes a few messages). */
  batchDelayMs?: number;
  /** How long one call to Discord may take. */
  timeoutMs?: number;
  /** Notices kept at most while Discord is slow or away; beyond, the oldest are dropped and counted. */
  maxQueued?: number;
  /** Told when notices are given up on (Discord refusing them, or away past the retries). */
  onError?: (message: string) => void;
}

/** Discord's limits for a message of a webhook: 10 embeds, 6,000 characters over them, and these per part. */
const LIMITS = { embeds: 10, total: 6000, title: 256, description: 4096, fields: 25, name: 256, value: 1024 };
const COLOURS: Record<OpsNotice['severity'], number> = { info: 0x3498db, warning: 0xf1c40f, error: 0xe74c3c };
/** Calls one message may take: failures (5xx, no answer) back off and give up sooner than rate limits. */
const MAX_FAILURES = 4;
const MAX_RATE_LIMITED = 10;

interface Embed {
  title: string;
  description?: string;
  color: number;
  fields?: { name: string; value: string; inline: boolean }[];
  timestamp: string;
}

const clip = (text: string, limit: number): string => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);

const sizeOf = (embed: Embed): number =>
  embed.title.length +
  (embed.description?.length ?? 0) +
  (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);

function embedOf(notice: OpsNotice, at: Date): Embed {
  const fields = (notice.fields ?? []).slice(0, LIMITS.fields).map((field) => ({
    name: clip(field.name || '-', LIMITS.name),
    value: clip(field.value || '-', LIMITS.value),
    inline: true,
  }));
  const embed: Embed = {
    title: clip(notice.title, LIMITS.title),
    ...(notice.description ? { description: clip(notice.description, LIMITS.description) } : {}),
    color: COLOURS[notice.severity],
    ...(fields.length > 0 ? { fields } : {}),
    timestamp: at.toISOString(),
  };
  // A title and a description fit within a message's total; the last fields give way when all do not.
  while (sizeOf(embed) > LIMITS.total) fields.pop();
  return embed;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Ops notices to a Discord channel through its webhook API. `notify` only queues: one sender posts the queue
 * after a short gathering delay, as many embeds per message as Discord allows, waits out a 429's `retry_after`,
 * retries a failure a few times with a growing pause, and gives up on what Discord refuses. Nothing here can
 * block or fail the request or command that told it.
 */
export class DiscordOpsWebhook implements OpsNotifier {
  private readonly queue: Embed[] = [];
  private dropped = 0;
  private timer: NodeJS.Timeout | null = null;
  private sending: Promise<void> | null = null;
  private readonly batchDelayMs: number;
  private readonly timeoutMs: number;
  private readonly maxQueued: number;

  constructor(private readonly options: DiscordOpsWebhookOptions) {
    this.batchDelayMs = options.batchDelayMs ?? 1000;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.maxQueued = options.maxQueued ?? 500;
  }

  notify(notice: OpsNotice): void {
    this.queue.push(embedOf(notice, new Date()));
    if (this.queue.length > this.maxQueued) {
      this.queue.shift();
      this.dropped += 1;
    }
    if (!this.timer && !this.sending) {
      this.timer = setTimeout(() => this.startSending(), this.batchDelayMs);
      this.timer.unref();
    }
  }

  /** Sends what is queued now, and waits for it at most `ms` (a process about to exit). */
  async flush(ms = 5000): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.queue.length > 0 && !this.sending) this.startSending();
    if (this.sending) await Promise.race([this.sending, pause(ms)]);
  }

  private startSending(): void {
    this.timer = null;
    this.sending = this.sendAll().finally(() => {
      this.sending = null;
      if (this.queue.length > 0) this.notifyLater();
    });
  }

  private notifyLater(): void {
    this.timer = setTimeout(() => this.startSending(), this.batchDelayMs);
    this.timer.unref();
  }

  private async sendAll(): Promise<void> {
    while (this.queue.length > 0) {
      const embeds = this.nextMessage();
      const content = this.dropped > 0 ? `${this.dropped} earlier notices were dropped (Discord was away).` : undefined;
      this.dropped = 0;
      await this.post({ username: 'Forte', ...(content ? { content } : {}), embeds });
    }
  }

  /** As many queued embeds as one message takes. */
  private nextMessage(): Embed[] {
    const embeds: Embed[] = [];
    let total = 0;
    while (this.queue.length > 0 && embeds.length < LIMITS.embeds) {
      const size = sizeOf(this.queue[0]!);
      if (embeds.length > 0 && total + size > LIMITS.total) break;
      embeds.push(this.queue.shift()!);
      total += size;
    }
    return embeds;
  }

  private async post(message: object): Promise<void> {
    let failures = 0;
    let rateLimited = 0;
    for (;;) {
      let wait: number;
      try {
        const response = await fetch(this.options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(message),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        if (response.ok) return;
        if (response.status === 429 && ++rateLimited < MAX_RATE_LIMITED) {
          wait = await retryAfterMs(response);
        } else if (response.status < 500 || ++failures >= MAX_FAILURES) {
          return this.giveUp(`Discord answered ${response.status} ${await response.text().catch(() => '')}`);
        } else {
          wait = 500 * 2 ** failures;
        }
      } catch (error) {
        if (++failures >= MAX_FAILURES) return this.giveUp(`Discord cannot be reached: ${(error as Error).message}`);
        wait = 500 * 2 ** failures;
      }
      await pause(wait);
    }
  }

  private giveUp(reason: string): void {
    this.options.onError?.(`ops notices to Discord were dropped: ${reason.slice(0, 300)}`);
  }
}

/** Discord says how long to wait in the body (`retry_after`, seconds) and in `Retry-After`. */
async function retryAfterMs(response: Response): Promise<number> {
  const body = (await response.json().catch(() => ({}))) as { retry_after?: unknown };
  const seconds = typeof body.retry_after === 'number' ? body.retry_after : Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, 60_000) : 1000;
}
