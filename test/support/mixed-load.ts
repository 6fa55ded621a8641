import { Knex } from 'knex';
import { KnexUnitOfWork } from '../../src/adapters/persistence/knex-unit-of-work';
import { webhookAuthorization } from '../../src/adapters/xsolla/webhook-signature';
import { anItemDraft } from './builders/item';
import { aimedFixture, XSOLLA_TEST_SECRET } from './xsolla-webhooks';

/**
 * A stream of the requests that move money, the way the bots and Xsolla send them, for load and fault tests: per
 * user, in order, a grant, then by turns a check-in and a bronze box, a purchase and its withdrawal (청약철회), a
 * Xsolla payment, or a Xsolla payment and its refund. Each request is retried until it is answered (a lost connection, a 503 after its
 * `Retry-After`, a process that is gone), with the same Idempotency-Key, against whichever process answers: so
 * every request is acknowledged in the end, and exactly-once is what the ledger must show.
 */
export interface LoadOptions {
  /** The processes' origins (`http://127.0.0.1:PORT`), asked again before every try: a test may replace one. */
  origins: () => string[];
  token: string;
  users: number;
  /** Requests in flight at once (independent clients). */
  clients: number;
  /** Called once, after this many requests were acknowledged (a test's fault goes there). */
  midway?: { after: number; fault: () => Promise<void> };
  /** Gives up on a request after this long (a test's bound), failing the run. */
  giveUpAfterMs?: number;
}

/** Seen on the wire: answers by status and code (every try counted), tries that found no process, and times. */
export interface LoadReport {
  acknowledged: number;
  answers: Record<string, number>;
  connectionFailures: number;
  /** Milliseconds from the first try of a request to its acknowledgement. */
  latencies: number[];
  elapsedMs: number;
  /** Per user id, what the ledger must show: one receipt per acknowledged money request, by kind. */
  expected: Map<number, { receipts: Record<string, number>; keys: number }>;
}

/** What a user is given before the load: keys for its box (bronze costs 3; the check-in adds one). */
export const KEYS_BEFORE = 3;
const GRANT = 100;
export const LOAD_ITEM_SKU = 'load-sword';

/** Stocks the catalogue with the item the load buys and the SKUs Xsolla's payment fixture delivers. */
export async function stockLoadCatalogue(knex: Knex): Promise<void> {
  const uow = new KnexUnitOfWork(knex);
  for (const sku of [LOAD_ITEM_SKU, 'test_item1', 'virtual-good-item_test', 'virtual-good-item_test_bundle']) {
    await uow.run((tx) => tx.items.upsertBySku(anItemDraft().with({ sku, price: 40 }).build(), new Date()));
  }
}

/** Registers the users through the API and gives each `KEYS_BEFORE` keys (checked in yesterday, Seoul time). */
export async function registerLoadUsers(
  knex: Knex,
  options: Pick<LoadOptions, 'origins' | 'token' | 'users' | 'clients'>,
  firstDiscordId = 368003617146880000n,
): Promise<{ id: number; discordId: string }[]> {
  const client = new LoadClient(options, { giveUpAfterMs: 60_000 });
  const users = await inParallel(options.users, options.clients, async (n) => {
    const discordId = String(firstDiscordId + BigInt(n));
    const answer = await client.send('POST', '/api/v2/users', {
      json: { discord_id: discordId, name: `load-${n}` },
      accept: (status) => status === 201 || status === 409,
    });
    if (answer.status === 409) {
      const found = await client.send('GET', `/api/v2/discords/${discordId}`, { accept: (s) => s === 200 });
      return { id: found.body.id as number, discordId };
    }
    return { id: answer.body.id as number, discordId };
  });
  const yesterday = new Date(Date.now() - 36 * 3600_000);
  await knex('attendances').insert(
    users.map(({ discordId }) => ({
      discord_id: discordId,
      key_count: KEYS_BEFORE,
      check_in_count: KEYS_BEFORE,
      last_checked_in_at: yesterday,
      created_at: yesterday,
      updated_at: yesterday,
    })),
  );
  return users;
}

/** Runs every user's requests, `clients` at a time; resolves once every one was acknowledged. */
export async function runMixedLoad(
  users: { id: number; discordId: string }[],
  options: LoadOptions,
  runId: string,
): Promise<LoadReport> {
  const client = new LoadClient(options, { giveUpAfterMs: options.giveUpAfterMs ?? 120_000 });
  const started = Date.now();
  const expected: LoadReport['expected'] = new Map();
  await inParallel(users.length, options.clients, async (n) => {
    const user = users[n]!;
    expected.set(user.id, await oneUsersDay(client, user, `${runId}-${user.id}`, n));
  });
  return { ...client.report(), elapsedMs: Date.now() - started, expected };
}

async function oneUsersDay(
  client: LoadClient,
  user: { id: number; discordId: string },
  key: string,
  n: number,
): Promise<{ receipts: Record<string, number>; keys: number }> {
  const money = (status: number) => status === 200 || status === 201;
  await client.send('POST', `/api/v2/users/${user.id}/points`, {
    json: { points: GRANT },
    key: `${key}-g`,
    accept: money,
  });
  const transaction = String(900_000_000 + user.id);
  switch (n % 4) {
    case 0:
      // A check-in carries no key: tried again after a lost answer, "already checked in" says the first one counted.
      await client.send('POST', `/api/v2/discords/${user.discordId}/attendances`, {
        accept: (status, body) => money(status) || (status === 409 && body?.status === 'exist_attendance'),
      });
      await client.send('POST', `/api/v2/discords/${user.discordId}/attendances/unpack`, {
        json: { box: 'bronze' },
        key: `${key}-b`,
        accept: money,
      });
      return { receipts: { grant: 1, attendance_box: 1 }, keys: KEYS_BEFORE + 1 - 3 };
    case 1: {
      const bought = await client.send('POST', `/api/v2/users/${user.id}/items`, {
        json: { item_id: await client.itemId() },
        key: `${key}-p`,
        accept: money,
      });
      await client.send('POST', `/api/v2/users/${user.id}/items/${bought.body.user_item.id}/withdraw`, {
        key: `${key}-w`,
        accept: money,
      });
      return { receipts: { grant: 1, purchase: 1, withdrawal: 1 }, keys: KEYS_BEFORE };
    }
    case 2:
      await client.webhook(aimedFixture('payment', user.id, transaction));
      return { receipts: { grant: 1, xsolla_payment: 1 }, keys: KEYS_BEFORE };
    default:
      await client.webhook(aimedFixture('payment', user.id, transaction));
      await client.webhook(aimedFixture('refund', user.id, transaction));
      return { receipts: { grant: 1, xsolla_payment: 1, xsolla_refund: 1 }, keys: KEYS_BEFORE };
  }
}

interface SendOptions {
  json?: unknown;
  raw?: Buffer;
  headers?: Record<string, string>;
  key?: string;
  /** The answers that acknowledge the request; anything else but a 503 fails the run. */
  accept: (status: number, body: any) => boolean; // eslint-disable-line @typescript-eslint/no-explicit-any
}

class LoadClient {
  private readonly answers: Record<string, number> = {};
  private connectionFailures = 0;
  private acknowledged = 0;
  private readonly latencies: number[] = [];
  private turn = 0;
  private swordId: Promise<number> | null = null;

  constructor(
    private readonly options: Pick<LoadOptions, 'origins' | 'token' | 'midway'>,
    private readonly limits: { giveUpAfterMs: number },
  ) {}

  report(): Omit<LoadReport, 'elapsedMs' | 'expected'> {
    return {
      acknowledged: this.acknowledged,
      answers: this.answers,
      connectionFailures: this.connectionFailures,
      latencies: this.latencies,
    };
  }

  itemId(): Promise<number> {
    this.swordId ??= this.send('GET', '/api/v2/items?limit=100', { accept: (s) => s === 200 }).then(
      (answer) => (answer.body.data as { id: number; sku: string }[]).find((item) => item.sku === LOAD_ITEM_SKU)!.id,
    );
    return this.swordId;
  }

  /** A Xsolla webhook, signed over its bytes; Xsolla retries anything but a 2xx, as this does. */
  webhook(text: string): Promise<unknown> {
    const raw = Buffer.from(text, 'utf8');
    return this.send('POST', '/api/v2/xsolla', {
      raw,
      headers: { authorization: webhookAuthorization(raw, XSOLLA_TEST_SECRET), 'content-type': 'application/json' },
      accept: (status) => status === 204,
    });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async send(method: string, path: string, options: SendOptions): Promise<{ status: number; body: any }> {
    const first = Date.now();
    for (;;) {
      const origins = this.options.origins();
      const origin = origins[this.turn++ % origins.length];
      let answer;
      try {
        answer = await this.try(`${origin}${path}`, method, options);
      } catch (error) {
        this.connectionFailures += 1;
        await this.pauseOrGiveUp(first, 50, `${method} ${path}: ${String(error)}`);
        continue;
      }
      const label = `${answer.status}${answer.body?.error?.code ? ` ${answer.body.error.code}` : ''}`;
      this.answers[label] = (this.answers[label] ?? 0) + 1;
      if (options.accept(answer.status, answer.body)) {
        this.latencies.push(Date.now() - first);
        await this.acknowledge();
        return answer;
      }
      // The same key still in flight elsewhere (a try that timed out on our side) is answered 409 IN_USE: wait.
      if (answer.status !== 503 && answer.body?.error?.code !== 'IDEMPOTENCY_KEY_IN_USE') {
        throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      }
      const retryAfter = Number(answer.headers.get('retry-after') ?? '1');
      // Retry-After in whole seconds; a test's clients wait a tenth of it so that the run stays short.
      await this.pauseOrGiveUp(first, retryAfter * 100, `${method} ${path}: still 503 ${label}`);
    }
  }

  private async try(url: string, method: string, options: SendOptions) {
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.token}`, ...options.headers };
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    if (options.key) headers['idempotency-key'] = options.key;
    const response = await fetch(url, {
      method,
      headers,
      body: options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json)),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? null : JSON.parse(text) };
  }

  private async acknowledge(): Promise<void> {
    this.acknowledged += 1;
    const midway = this.options.midway;
    if (midway && this.acknowledged === midway.after) await midway.fault();
  }

  private async pauseOrGiveUp(first: number, ms: number, what: string): Promise<void> {
    if (Date.now() - first > this.limits.giveUpAfterMs)
      throw new Error(`gave up after ${this.limits.giveUpAfterMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}

/**
 * What the ledger shows against what was acknowledged: per user, receipts by kind and keys held, where they differ
 * (empty when every acknowledged request took effect exactly once).
 */
export async function ledgerMismatches(knex: Knex, report: LoadReport, users: { id: number; discordId: string }[]) {
  const rows: { user_id: string; kind: string; n: string | number }[] = await knex('receipts')
    .select('user_id', 'kind')
    .count({ n: '*' })
    .groupBy('user_id', 'kind');
  const found = new Map<number, Record<string, number>>();
  for (const row of rows) {
    const kinds = found.get(Number(row.user_id)) ?? {};
    kinds[row.kind] = Number(row.n);
    found.set(Number(row.user_id), kinds);
  }
  const keys = new Map<string, number>(
    (await knex('attendances').select('discord_id', 'key_count')).map(
      (row: { discord_id: string; key_count: number }) => [row.discord_id, Number(row.key_count)],
    ),
  );
  const mismatches: unknown[] = [];
  for (const user of users) {
    const want = report.expected.get(user.id);
    const got = { receipts: found.get(user.id) ?? {}, keys: keys.get(user.discordId) ?? 0 };
    if (
      !want ||
      JSON.stringify(sorted(want.receipts)) !== JSON.stringify(sorted(got.receipts)) ||
      want.keys !== got.keys
    ) {
      mismatches.push({ user: user.id, want, got });
    }
  }
  return mismatches;
}

const sorted = (record: Record<string, number>): [string, number][] =>
  Object.entries(record).sort(([a], [b]) => a.localeCompare(b));

/** Runs `work(0..count-1)` with at most `width` at once; the results in order. The first failure stops the rest. */
async function inParallel<T>(count: number, width: number, work: (n: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  let failed = false;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count && !failed) {
        const n = next++;
        try {
          results[n] = await work(n);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    }),
  );
  return results;
}

/** The percentile (0-100) of the figures, in their unit. */
export function percentile(figures: number[], p: number): number {
  const sorted = [...figures].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}
