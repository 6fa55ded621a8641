import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { KnexUnitOfWork } from '../../../src/adapters/persistence/knex-unit-of-work';
import { ReceiptKind } from '../../../src/domain/receipt';
import { anItemDraft } from '../../support/builders/item';
import { errorLogLines } from '../../support/log-lines';
import { Answer, apiRequest, RetryingBots } from '../../support/retrying-bots';
import { aimedFixture, sendWebhookSeeingHeaders } from '../../support/xsolla-webhooks';

/**
 * A mixed stream of everything that moves money or keys, as the bots and Xsolla send it: each user goes through a
 * session of grants, a check-in, a box, a purchase, a Xsolla payment, a withdrawal (청약철회) and the payment's
 * refund, its steps spread over the servers; meanwhile one hot user takes grants through every server at once.
 * Every request is sent until it has a final answer (a 503 BUSY again after its Retry-After, with the same key),
 * and every final answer must be the success: so each user ends with exactly `SESSION_RECEIPTS`.
 */
export interface Workload {
  /** Users registered for the sessions, with their Discord ids. */
  users: { id: number; discordId: string }[];
  hotUserId: number;
  /** Grants of 1 point each to the hot user. */
  hotGrants: number;
  /** Sessions in flight at once. */
  concurrency: number;
}

/** The receipts one session leaves, by kind, when each of its requests took effect exactly once. */
export const SESSION_RECEIPTS: Partial<Record<ReceiptKind, number>> = {
  grant: 2,
  attendance_box: 1,
  purchase: 1,
  xsolla_payment: 1,
  withdrawal: 1,
  xsolla_refund: 1,
};

/** Keys each user holds before the load; the check-in adds one, the bronze box takes three. */
export const SEEDED_KEYS = 9;
export const KEYS_AFTER_SESSION = SEEDED_KEYS + 1 - 3;

/** The store item the sessions buy, and the fixture's SKU its payments deliver, in the catalogue. */
export async function stockShop(knex: Knex): Promise<number> {
  const uow = new KnexUnitOfWork(knex);
  const stock = (sku: string, price: number) =>
    uow.run((tx) => tx.items.upsertBySku(anItemDraft().with({ sku, price }).build(), new Date()));
  await stock('test_item1', 10);
  return (await stock('cluster-sticker', 100)).id;
}

let discordIds = 0;

/** Registers `count` users through the servers in turn and gives each `SEEDED_KEYS` keys (straight in the database). */
export async function registerUsers(
  bots: RetryingBots,
  token: string,
  knex: Knex,
  count: number,
): Promise<Workload['users']> {
  const users: Workload['users'] = [];
  for (let start = 0; start < count; start += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, count - start) }, async (_, n) => {
        discordIds += 1;
        const discordId = String(368003617146900000n + BigInt(discordIds));
        const registered = await bots.send(start + n, (origin) =>
          apiRequest(origin, token, 'POST', '/users', { json: { discord_id: discordId, name: `load ${discordIds}` } }),
        );
        await expectStatus(registered, [201], `register ${discordId}`);
        return { id: registered.body.id as number, discordId };
      }),
    );
    users.push(...batch);
  }
  const now = new Date();
  await knex('attendances').insert(
    users.map(({ discordId }) => ({
      discord_id: discordId,
      key_count: SEEDED_KEYS,
      check_in_count: SEEDED_KEYS,
      last_checked_in_at: new Date(now.getTime() - 2 * 86_400_000),
      created_at: now,
      updated_at: now,
    })),
  );
  return users;
}

export interface WorkloadOptions {
  token: string;
  xsollaSecret: string;
  itemId: number;
  /** Makes the run's Idempotency-Keys its own. */
  run: string;
  /** What server n wrote on standard error so far: a failed answer comes with what its server logged as errors. */
  stderrOf: (server: number) => string;
  /** The test's database: a key refused as reused comes with what the database holds under it. */
  knex: Knex;
}

/** Runs the sessions and the hot grants to their final answers; throws on any final answer that is not the success. */
export async function runWorkload(bots: RetryingBots, options: WorkloadOptions, workload: Workload): Promise<void> {
  const queue = [...workload.users.entries()];
  const sessions = Array.from({ length: workload.concurrency }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [n, user] = next;
      await session(bots, options, user, n);
    }
  });
  const hot = Array.from({ length: workload.hotGrants }, async (_, n) => {
    await sleep(Math.random() * 10_000);
    const answer = await bots.send(n, (origin) =>
      apiRequest(origin, options.token, 'POST', `/users/${workload.hotUserId}/points`, {
        json: { points: 1 },
        headers: { 'Idempotency-Key': `${options.run}-hot-${n}` },
      }),
    );
    await expectStatus(answer, [201], `hot grant ${n}`, options);
  });
  await Promise.all([...sessions, ...hot]);
}

async function session(
  bots: RetryingBots,
  options: WorkloadOptions,
  user: Workload['users'][number],
  n: number,
): Promise<void> {
  const keyOf = (step: string) => `${options.run}-${user.id}-${step}`;
  const key = (step: string) => ({ 'Idempotency-Key': keyOf(step) });
  const api = (step: number, method: string, path: string, json?: unknown, headers?: Record<string, string>) =>
    bots.send(n + step, (origin) => apiRequest(origin, options.token, method, path, { json, headers }));
  const webhook = (step: number, body: string) =>
    bots.send(n + step, (origin) =>
      sendWebhookSeeingHeaders(`${origin}/api/v2/xsolla`, body, { secret: options.xsollaSecret }),
    );
  const transaction = `${800_000_000 + user.id}`;
  // A failed step names its user (and the user item a withdrawal was for), to find its rows afterwards.
  const expectAnswer = (answer: Answer & { server?: number }, statuses: number[], step: string, keyStep?: string) =>
    expectStatus(answer, statuses, `${step} of user ${user.id}`, options, keyStep && keyOf(keyStep));

  await expectAnswer(
    await api(0, 'POST', `/users/${user.id}/points`, { points: 200 }, key('grant')),
    [201],
    'grant',
    'grant',
  );
  // Not idempotent by key: checked in already (a lost answer, sent again) is the legacy 409, with no second key.
  await expectAnswer(await api(1, 'POST', `/discords/${user.discordId}/attendances`), [200, 201, 409], 'check-in');
  await expectAnswer(
    await api(2, 'POST', `/discords/${user.discordId}/attendances/unpack?box=bronze`, {}, key('box')),
    [200],
    'box',
    'box',
  );
  const bought = await api(3, 'POST', `/users/${user.id}/items`, { item_id: options.itemId }, key('buy'));
  await expectAnswer(bought, [201], 'purchase', 'buy');
  await expectAnswer(await webhook(4, aimedFixture('payment', user.id, transaction)), [204], 'payment');
  const userItemId = bought.body.user_item.id as number;
  await expectAnswer(
    await api(5, 'POST', `/users/${user.id}/items/${userItemId}/withdraw`, {}, key('back')),
    [200],
    `withdrawal of user item ${userItemId}`,
    'back',
  );
  await expectAnswer(await webhook(6, aimedFixture('refund', user.id, transaction)), [204], 'refund');
  await expectAnswer(
    await api(7, 'POST', `/users/${user.id}/points`, { points: -50 }, key('deduct')),
    [201],
    'deduct',
    'deduct',
  );
}

/**
 * What the database holds after the workload: every session's receipts exactly once, one check-in per user, the
 * hot user's grants exactly once; answers the differences (an empty list when there are none).
 */
export async function unappliedOrDuplicated(knex: Knex, workload: Workload): Promise<string[]> {
  const differences: string[] = [];
  const rows = (await knex('receipts')
    .whereIn(
      'user_id',
      workload.users.map((user) => user.id),
    )
    .groupBy('user_id', 'kind')
    .select('user_id', 'kind')
    .count({ n: '*' })) as { user_id: string; kind: ReceiptKind; n: number }[];
  const found = new Map(rows.map((row) => [`${row.user_id} ${row.kind}`, Number(row.n)]));
  for (const user of workload.users) {
    for (const [kind, expected] of Object.entries(SESSION_RECEIPTS)) {
      const actual = found.get(`${user.id} ${kind}`) ?? 0;
      if (actual !== expected) differences.push(`user ${user.id}: ${actual} ${kind} receipts, not ${expected}`);
    }
  }
  const kinds = Object.keys(SESSION_RECEIPTS);
  for (const row of rows) {
    if (!kinds.includes(row.kind)) differences.push(`user ${row.user_id}: unexpected ${row.kind} receipts`);
  }
  const attendances = (await knex('attendances')
    .whereIn(
      'discord_id',
      workload.users.map((user) => user.discordId),
    )
    .select('discord_id', 'key_count', 'check_in_count')) as {
    discord_id: string;
    key_count: number;
    check_in_count: number;
  }[];
  for (const row of attendances) {
    if (row.check_in_count !== SEEDED_KEYS + 1 || row.key_count !== KEYS_AFTER_SESSION) {
      differences.push(`${row.discord_id}: ${row.check_in_count} check-ins and ${row.key_count} keys`);
    }
  }
  const hot = await knex('users').where({ id: workload.hotUserId }).first('points');
  const [hotReceipts] = await knex('receipts').where({ user_id: workload.hotUserId }).count({ n: '*' });
  if (Number(hot?.points) !== workload.hotGrants || Number(hotReceipts?.n) !== workload.hotGrants) {
    differences.push(`hot user: ${hot?.points} points in ${hotReceipts?.n} receipts, not ${workload.hotGrants}`);
  }
  return differences;
}

async function expectStatus(
  answer: Answer & { server?: number },
  statuses: number[],
  what: string,
  options?: Pick<WorkloadOptions, 'stderrOf' | 'knex'>,
  key?: string,
): Promise<void> {
  if (statuses.includes(answer.status)) return;
  // The server logs a fault as it answers; the line may reach this process just after the answer.
  await sleep(500);
  const logged =
    answer.server === undefined || options === undefined
      ? ''
      : `\nserver ${answer.server} logged: ${JSON.stringify(errorLogLines(options.stderrOf(answer.server)), null, 1)}`;
  const stored = key && options ? `\nstored under ${key}: ${JSON.stringify(await storedUnder(options.knex, key))}` : '';
  throw new Error(
    `${what}: server ${answer.server} answered ${answer.status} ${JSON.stringify(answer.body)}${logged}${stored}`,
  );
}

/** Every record the database holds under an Idempotency-Key, whatever its scope: its fingerprint, time and answer. */
async function storedUnder(knex: Knex, key: string): Promise<unknown[]> {
  const keyHash = createHash('sha256').update(key, 'utf8').digest('hex');
  return (await knex('idempotency_keys')
    .where({ key_hash: keyHash })
    .select('scope', 'fingerprint', 'created_at', 'result')) as unknown[];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
