/** What a server answered: the status, the headers and the body parsed as JSON (null when empty). */
export interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** One answer as the bots saw it: which server, when, and its label (`201`, `503 BUSY`, `network`, ...). */
export interface Observed {
  server: number;
  at: number;
  label: string;
}

export interface RetryingBotsOptions {
  /** On 503 DATABASE_UNAVAILABLE, NOT_READY or a connection failure, try the next server (same key). */
  failover: boolean;
  /** A request still refused after this long fails the test. */
  giveUpMs?: number;
}

/**
 * Bots as the API asks them to behave, in front of several Forte servers: a 503 BUSY is sent again to the same
 * server after its `Retry-After`, with the same Idempotency-Key (the same request, byte for byte); with failover, a
 * server whose database is away is left for the next. Every answer is recorded, the retried ones too.
 */
export class RetryingBots {
  readonly observed: Observed[] = [];
  private readonly giveUpMs: number;

  constructor(
    readonly origins: string[],
    private readonly options: RetryingBotsOptions,
  ) {
    this.giveUpMs = options.giveUpMs ?? 240_000;
  }

  /**
   * Sends `call` to server `home` (any index; taken modulo the servers) until it has a final answer; answers it
   * with the index of the server that gave it.
   */
  async send(home: number, call: (origin: string) => Promise<Answer>): Promise<Answer & { server: number }> {
    const giveUpAt = Date.now() + this.giveUpMs;
    let server = home % this.origins.length;
    for (;;) {
      if (Date.now() > giveUpAt) throw new Error(`No final answer after ${this.giveUpMs} ms`);
      let answer: Answer;
      try {
        answer = await call(this.origins[server]!);
      } catch {
        this.note(server, 'network');
        if (this.options.failover) server = (server + 1) % this.origins.length;
        await sleep(200);
        continue;
      }
      const code = typeof answer.body?.error?.code === 'string' ? (answer.body.error.code as string) : '';
      this.note(server, code === '' ? String(answer.status) : `${answer.status} ${code}`);
      if (answer.status === 503 && code === 'BUSY') {
        await sleep(1000 * Number(answer.headers.get('retry-after') ?? 1) + Math.random() * 200);
      } else if (answer.status === 409 && code === 'IDEMPOTENCY_KEY_IN_USE') {
        // The same key is still in flight (sent to a server whose database went away meanwhile): ask again.
        await sleep(200);
      } else if (answer.status === 503 && this.options.failover) {
        server = (server + 1) % this.origins.length;
        await sleep(100);
      } else {
        return { ...answer, server };
      }
    }
  }

  /** How many answers had each label, per server: `{ "0 201": 12, "2 503 DATABASE_UNAVAILABLE": 3, ... }`. */
  tally(since = 0): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { server, at, label } of this.observed) {
      if (at < since) continue;
      const key = `${server} ${label}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  /**
   * Answers in the 5xx range other than 503 BUSY. A connection that failed (`network`: on a machine this busy, a
   * keep-alive socket the server closed as the client reused it) is no answer; it is tried again, and tallied.
   */
  faults(): Observed[] {
    return this.observed.filter(({ label }) => /^5/.test(label) && label !== '503 BUSY');
  }

  private note(server: number, label: string): void {
    this.observed.push({ server, at: Date.now(), label });
  }
}

/** A JSON request to `origin/api/v2<path>` with a bearer token, answered as an `Answer`. */
export async function apiRequest(
  origin: string,
  token: string,
  method: string,
  path: string,
  options: { json?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await fetch(`${origin}/api/v2${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(options.json === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? null : JSON.parse(text) };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
