import { Knex } from 'knex';
import { eventually } from '../../support/eventually';
import { logLines } from '../../support/log-lines';
import { serveForte, ServedForte } from '../../support/served-forte';

/**
 * Transactions of this test's database waiting for a row lock (the shared server may run other tests). MariaDB
 * refreshes `innodb_trx` only when it was last read more than 100 ms before, so a poll faster than that reads
 * the same stale snapshot for ever: `LOCK_POLL_MS` keeps clear of it.
 */
const WAITING_FOR_A_LOCK = `SELECT COUNT(*) AS waiting FROM information_schema.innodb_trx t
  JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id
  WHERE t.trx_state = 'LOCK WAIT' AND p.db = DATABASE()`;
const LOCK_POLL_MS = 250;

interface SlowRequest {
  userId: number;
  answer: Promise<Response>;
  /** Lets the request go on (commits the transaction holding the user's row). */
  release(): Promise<void>;
}

/**
 * A grant that stays in flight: it waits for the user's row, which the test holds locked until `release`. With a
 * `signal`, its client can give up on it while Forte goes on.
 */
async function slowGrant(served: ServedForte, signal?: AbortSignal): Promise<SlowRequest> {
  const post = (path: string, body: unknown, abortable?: AbortSignal) =>
    fetch(`${served.baseUrls[0]}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${served.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      ...(abortable ? { signal: abortable } : {}),
    });
  const user = (await (await post('/users', { discord_id: '368003617146881111', name: 'slow' })).json()) as {
    id: number;
  };
  const lock: Knex.Transaction = await served.database.knex.transaction();
  await lock('users').where({ id: user.id }).forUpdate();
  const answer = post(`/users/${user.id}/points`, { points: 7 }, signal);
  answer.catch(() => undefined);
  // Within the 10 s lock wait, after which the grant would answer BUSY; a failure lets the row go, or the test hangs.
  await eventually(
    async () => {
      const [rows] = (await served.database.knex.raw(WAITING_FOR_A_LOCK)) as [{ waiting: number | string }[]];
      return Number(rows[0]?.waiting) > 0;
    },
    8_000,
    LOCK_POLL_MS,
  ).catch(async (error: unknown) => {
    await lock.rollback();
    throw error;
  });
  return {
    userId: user.id,
    answer,
    release: async () => {
      await lock.commit();
    },
  };
}

describe('forte-cli serve on SIGTERM', () => {
  let served: ServedForte | undefined;
  afterEach(() => served?.stop());

  it('stops accepting, finishes the request in flight, and exits 0', async () => {
    served = await serveForte(1, { scopes: 'users:write,points:grant', env: { LOG_LEVEL: 'info' } });
    const server = served.servers[0]!;
    const slow = await slowGrant(served);

    const exited = server.stop();
    await eventually(() =>
      fetch(`${server.origin}/health`).then(
        () => false,
        () => true,
      ),
    );
    await slow.release();

    const answer = await slow.answer;
    expect(answer.status).toBe(201);
    expect(await exited).toBe(0);
    const [row] = (await served.database.knex('users').where({ id: slow.userId }).select('points')) as {
      points: number;
    }[];
    expect(Number(row?.points)).toBe(7);

    const requestId = answer.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logLines(server.stderr())).toContainEqual(
      expect.objectContaining({
        level: 30,
        requestId,
        method: 'POST',
        route: '/api/v2/users/:id/points',
        status: 201,
        client: 'storm-bot',
      }),
    );
    expect(server.stderr()).toMatch(/SIGTERM: shutting down[\s\S]*stopped/);
  }, 60_000);

  it('finishes the requests whose clients went away before it closes the database', async () => {
    // One connection: the first grant holds it, waiting for the row; the second waits for the connection.
    served = await serveForte(1, { scopes: 'users:write,points:grant', env: { DATABASE_POOL_SIZE: '1' } });
    const server = served.servers[0]!;
    const client = new AbortController();
    const slow = await slowGrant(served, client.signal);
    const second = fetch(`${served.baseUrls[0]}/users/${slow.userId}/points`, {
      method: 'POST',
      headers: { authorization: `Bearer ${served.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ points: 5 }),
      signal: client.signal,
    });
    second.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    client.abort();
    await expect(slow.answer).rejects.toThrow();

    const exited = server.stop();
    // The server has no connection left, yet both grants are still at work: the database must stay open for them.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await slow.release();

    expect(await exited).toBe(0);
    const [row] = (await served.database.knex('users').where({ id: slow.userId }).select('points')) as {
      points: number;
    }[];
    expect(Number(row?.points)).toBe(12);
    expect(logLines(server.stderr()).filter((line) => Number(line.level) >= 50)).toEqual([]);
  }, 60_000);

  it('cuts a request still running after SHUTDOWN_GRACE_MS, and still exits 0', async () => {
    served = await serveForte(1, { scopes: 'users:write,points:grant', env: { SHUTDOWN_GRACE_MS: '300' } });
    const slow = await slowGrant(served);
    try {
      const started = Date.now();
      expect(await served.servers[0]!.stop()).toBe(0);
      expect(Date.now() - started).toBeLessThan(5_000);
      await expect(slow.answer).rejects.toThrow();
    } finally {
      await slow.release();
    }
  }, 60_000);
});
