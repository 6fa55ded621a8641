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

/** A grant that stays in flight: it waits for the user's row, which the test holds locked until `release`. */
async function slowGrant(served: ServedForte): Promise<SlowRequest> {
  const post = (path: string, body: unknown) =>
    fetch(`${served.baseUrls[0]}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${served.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const user = (await (await post('/users', { discord_id: '368003617146881111', name: 'slow' })).json()) as {
    id: number;
  };
  const lock: Knex.Transaction = await served.database.knex.transaction();
  await lock('users').where({ id: user.id }).forUpdate();
  const answer = post(`/users/${user.id}/points`, { points: 7 });
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
