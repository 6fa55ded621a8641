import fc from 'fast-check';
import { webhookAuthorization } from '../../../src/adapters/xsolla/webhook-signature';
import { SCOPES } from '../../../src/domain/scope';
import { startTestApp, TestApp } from '../../support/test-app';
import { XsollaEmulator } from '../../support/xsolla-emulator';
import { ApiClient } from './api-client';
import { aDiscordId } from './discord-ids';
import { stockItemThrough } from './store-shelf';

/** One operation of the OpenAPI document and the error codes it documents for each status. */
interface Operation {
  method: string;
  path: string;
  codes: Map<number, string[]>;
}

interface OpenApiOperation {
  responses: Record<string, { description?: string }>;
}

function operationsOf(document: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  return Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/api/v2/'))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        codes: new Map(
          Object.entries(operation.responses)
            .filter(([status]) => Number(status) >= 400)
            .map(([status, response]) => [Number(status), (response.description ?? '').split(', ')]),
        ),
      })),
    );
}

/** Percent-encodes any string, lone surrogates included (as the UTF-8 of U+FFFD, as a client library would). */
const encodeSegment = (text: string): string =>
  [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

const awkwardText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e3',
    '1.5',
    '99999999999999999999',
    '9007199254740993',
    'null',
    '\ud800',
    '%',
    '../x',
  ),
);

const headerText = fc.stringMatching(/^[\x21-\x7e]{0,300}$/);

/**
 * Random requests at every route of the bot API (their own paths from the OpenAPI document, with random ids, query
 * strings, bodies and headers) never get a 5xx, and every refusal carries an error code that the document lists
 * for that route and status. Afterwards every balance still equals the sum of its receipts and none is negative.
 */
const XSOLLA_SECRET = 'fuzz-secret';

describe('every route under random requests', () => {
  let app: TestApp;
  let xsolla: XsollaEmulator;
  let token: string;
  let operations: Operation[];
  const knownIds: string[] = [];
  /** Ids of real records by the path placeholder they fit. */
  const idsFor: Record<string, string[]> = { id: [], discordId: [], userItemId: [], receiptId: [] };

  beforeAll(async () => {
    // Xsolla is there for the checkout, so that its token route answers as in production.
    xsolla = await XsollaEmulator.start();
    app = await startTestApp({ env: { ...xsolla.env(), XSOLLA_PROJECT_SECRET: XSOLLA_SECRET } });
    token = await app.createClient('fuzz-bot', [...SCOPES]);
    const bot = ApiClient.bearer(app.baseUrl, token);
    for (let n = 0; n < 6; n += 1) {
      const discordId = aDiscordId();
      const user = await bot.post('/users', { discord_id: discordId, name: `fuzz ${n}` });
      await bot.post(`/users/${user.body.id}/points`, { points: 500 });
      await bot.post(`/discords/${discordId}/attendances`, undefined);
      const itemId = await stockItemThrough(app, { price: 10 + n, sku: `fuzz-${n}` });
      const bought = await bot.post(`/users/${user.body.id}/items`, { item_id: itemId });
      knownIds.push(String(user.body.id), discordId, String(itemId), String(bought.body.user_item.id));
      idsFor.id!.push(String(user.body.id), String(itemId));
      idsFor.discordId!.push(discordId);
      idsFor.userItemId!.push(String(bought.body.user_item.id));
      idsFor.receiptId!.push(String(bought.body.receipt.id));
    }
    operations = operationsOf(
      (await (await fetch(`${app.origin}/api/openapi.json`)).json()) as Parameters<typeof operationsOf>[0],
    );
  });
  afterAll(async () => {
    await app?.close();
    await xsolla?.close();
  });

  it('answers no 5xx and only documented codes', async () => {
    const plausible = fc.oneof(
      fc.integer({ min: -20, max: 20 }),
      fc.constantFrom(...knownIds.map(Number)),
      fc.constantFrom('bronze', 'silver', 'gold', '1', 'true', 'lara', 'lara@example.com', knownIds[1]),
      fc.boolean(),
    );
    const field = fc.oneof(
      { arbitrary: plausible, weight: 6 },
      { arbitrary: awkwardText, weight: 2 },
      { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constant(null)), weight: 1 },
      {
        arbitrary: fc.oneof(
          fc.array(fc.integer(), { maxLength: 3 }),
          fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
        ),
        weight: 1,
      },
    );
    const wellFormed = fc.constantFrom(
      '{"points": 5}',
      '{"points": -3, "reason": "fuzz"}',
      ...knownIds.map((id) => `{"item_id": ${id}}`),
      '{"consumed": true}',
      `{"discord_id": "${aDiscordId()}", "name": "fuzzed"}`,
      '{"name": "renamed", "email": "lara@example.com"}',
      '{"box": "bronze"}',
    );
    const body = fc.oneof(
      { arbitrary: wellFormed, weight: 4 },
      {
        arbitrary: fc
          .dictionary(
            fc.constantFrom(
              'points',
              'reason',
              'item_id',
              'consumed',
              'discord_id',
              'name',
              'email',
              'box',
              'isPremium',
            ),
            field,
            { maxKeys: 3 },
          )
          .map((value) => JSON.stringify(value)),
        weight: 6,
      },
      { arbitrary: fc.constant(undefined), weight: 2 },
      { arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)), weight: 1 },
      { arbitrary: fc.constantFrom('{"__proto__": {"x": 1}, "points": 1}', '{"points": 1', '\u0000'), weight: 1 },
      { arbitrary: awkwardText, weight: 1 },
    );
    const request = fc.record({
      operation: fc.constantFrom(...operations),
      params: fc.dictionary(
        fc.constantFrom(...Object.keys(idsFor)),
        fc.oneof({ arbitrary: fc.constantFrom(...knownIds), weight: 1 }, { arbitrary: awkwardText, weight: 1 }),
      ),
      fitting: fc.boolean(),
      pick: fc.nat(),
      query: fc.oneof(
        { arbitrary: fc.constant([] as [string, string][]), weight: 3 },
        {
          arbitrary: fc.array(
            fc.tuple(
              fc.constantFrom('limit', 'cursor', 'box', 'isPremium', 'page'),
              fc.oneof(awkwardText, fc.constantFrom('1', '5', 'gold', '0')),
            ),
            { maxLength: 3 },
          ),
          weight: 2,
        },
      ),
      body,
      idempotencyKey: fc.option(fc.oneof(fc.constantFrom('k1', 'k2'), headerText), { freq: 2 }),
      authorization: fc.oneof(
        { arbitrary: fc.constant(`Bearer ${token}`), weight: 8 },
        { arbitrary: fc.constant(token), weight: 2 },
        { arbitrary: fc.constant(null), weight: 1 },
        { arbitrary: headerText, weight: 1 },
      ),
      // Xsolla's webhook then gets past its signature check, to its own validation.
      signed: fc.boolean(),
    });

    await fc.assert(
      fc.asyncProperty(
        request,
        async ({ operation, params, fitting, pick, query, body, idempotencyKey, authorization, signed }) => {
          // Half the time every id is a real record of the right kind, so that requests get past the lookups.
          // An empty id would make another route's path (`/items/` is the list), so an empty one reads as "-".
          const path = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
            encodeSegment((fitting ? idsFor[name]?.[pick % (idsFor[name]?.length ?? 1)] : params[name]) || '-'),
          );
          const search = new URLSearchParams(query).toString();
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (authorization !== null) headers.authorization = authorization;
          if (signed && operation.path === '/api/v2/xsolla') {
            headers.authorization = webhookAuthorization(Buffer.from(body ?? ''), XSOLLA_SECRET);
          }
          if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
          const response = await fetch(`${app.origin}${path}${search ? `?${search}` : ''}`, {
            method: operation.method,
            headers,
            body: operation.method === 'GET' ? undefined : body,
          });
          const text = await response.text();
          const what = `${operation.method} ${path}?${search} ${String(body)} → ${response.status} ${text}`;
          expect({ what, server: response.status < 500 }).toEqual({ what, server: true });
          if (response.status < 400) return;
          const answer = JSON.parse(text) as { error?: { code?: string }; code?: string };
          const code = answer.error?.code ?? answer.code;
          // An id of dot segments ("..", ".") is resolved away by the URL itself: another path, answered by the router.
          const documented = [...(operation.codes.get(response.status) ?? []), 'ROUTE_NOT_FOUND', 'METHOD_NOT_ALLOWED'];
          expect({ what, documented: documented.includes(String(code)) }).toEqual({ what, documented: true });
        },
      ),
      { numRuns: 500 },
    );

    const drift = await app.runtime.database.knex.raw(
      `SELECT u.id, u.points, COALESCE(SUM(r.delta), 0) AS total, MIN(r.balance_after) AS lowest
       FROM users u LEFT JOIN receipts r ON r.user_id = u.id GROUP BY u.id, u.points
       HAVING u.points <> COALESCE(SUM(r.delta), 0) OR u.points < 0 OR MIN(r.balance_after) < 0`,
    );
    expect(drift[0]).toEqual([]);
  }, 120_000);
});
