import { tmpdir } from 'node:os';
import { openDatabase, Database } from '../../src/adapters/persistence/database';
import { SCOPES } from '../../src/domain/scope';
import { runCli } from '../support/forte-cli';
import { ServerProcess, startServerProcess } from '../support/forte-server-process';
import { ledgerMismatches, registerLoadUsers, runMixedLoad, stockLoadCatalogue } from '../support/mixed-load';
import { PrivateMariaDb, startPrivateMariaDb } from '../support/private-mariadb';
import { XSOLLA_TEST_SECRET } from '../support/xsolla-webhooks';

const USERS = 400;
const CLIENTS = 50;
const OUTAGE_MS = 4000;

let mariadb: PrivateMariaDb;
let database: Database;
let servers: ServerProcess[] = [];
let token: string;
let env: Record<string, string>;

beforeAll(async () => {
  mariadb = await startPrivateMariaDb();
  env = { DATABASE_URL: mariadb.url, XSOLLA_PROJECT_SECRET: XSOLLA_TEST_SECRET };
  expect(runCli(['migrate', 'latest'], { env }).status).toBe(0);
  const created = runCli(['clients', 'create', 'outage-bot', `--scopes=${SCOPES.join(',')}`, '--token-only'], { env });
  token = created.stdout.trim();
  database = openDatabase(mariadb.url);
  await stockLoadCatalogue(database.knex);
  servers = await Promise.all([startServerProcess(tmpdir(), env), startServerProcess(tmpdir(), env)]);
}, 180_000);
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await database?.close();
  await mariadb?.remove();
});

const ready = async (origin: string) => {
  const answer = await fetch(`${origin}/ready`);
  return { status: answer.status, body: (await answer.json()) as unknown };
};

describe('the database stopped and started again in the middle of load', () => {
  it('fails requests fast with 503 DATABASE_UNAVAILABLE, /ready says so, and serves again by itself; nothing half-written', async () => {
    const origins = () => servers.map((server) => server.origin);
    const load = { origins, token, users: USERS, clients: CLIENTS };
    const users = await registerLoadUsers(database.knex, load);
    const during: { status: number; code: string | undefined; ms: number }[] = [];
    const readiness: unknown[] = [];
    let recoveredInMs = 0;

    const report = await runMixedLoad(
      users,
      {
        ...load,
        midway: {
          after: 300,
          fault: async () => {
            await mariadb.stop();
            // While it is down: a money request on each process, timed, and each process's readiness.
            for (const origin of origins()) {
              const started = Date.now();
              const answer = await fetch(`${origin}/api/v2/users/${users[0]!.id}/points`, {
                method: 'POST',
                headers: {
                  authorization: `Bearer ${token}`,
                  'content-type': 'application/json',
                  'idempotency-key': `during-outage-${origin}`,
                },
                body: JSON.stringify({ points: 5 }),
              });
              const body = (await answer.json()) as { error?: { code: string } };
              during.push({ status: answer.status, code: body.error?.code, ms: Date.now() - started });
              readiness.push(await ready(origin));
            }
            await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
            await mariadb.start();
            const back = Date.now();
            while ((await ready(origins()[0]!)).status !== 200) await new Promise((r) => setTimeout(r, 100));
            recoveredInMs = Date.now() - back;
          },
        },
      },
      'outage',
    );

    process.stdout.write(
      `database outage: ${JSON.stringify({ during, recoveredInMs, seconds: report.elapsedMs / 1000, answers: report.answers })}\n`,
    );
    expect(during.map(({ status, code }) => ({ status, code }))).toEqual(
      origins().map(() => ({ status: 503, code: 'DATABASE_UNAVAILABLE' })),
    );
    // Within DATABASE_CONNECT_TIMEOUT_MS (3 s) and some slack for a loaded machine.
    expect(Math.max(...during.map(({ ms }) => ms))).toBeLessThan(5000);
    expect(readiness).toEqual(
      origins().map(() => ({
        status: 503,
        body: expect.objectContaining({
          error: expect.objectContaining({ code: 'NOT_READY', details: { database: 'unreachable' } }),
        }),
      })),
    );
    expect(report.answers['503 DATABASE_UNAVAILABLE']).toBeGreaterThan(0);
    expect(Object.keys(report.answers).filter((label) => label.startsWith('5') && !label.startsWith('503'))).toEqual(
      [],
    );
    for (const origin of origins()) expect((await ready(origin)).status).toBe(200);

    // Nothing half-written: every acknowledged request once, no claimed key left without its answer, a clean audit.
    expect(await ledgerMismatches(database.knex, report, users)).toEqual([]);
    const [unfinished] = await database.knex('idempotency_keys').whereNull('result').count({ n: '*' });
    expect(Number(unfinished?.n)).toBe(0);
    const audit = runCli(['audit', '--json'], { env, timeoutMs: 120_000 });
    expect(audit.status).toBe(0);
    expect(JSON.parse(audit.stdout)).toMatchObject({ ok: true });
  });
});
