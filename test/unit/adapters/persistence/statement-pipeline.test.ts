import type { Connection } from 'mysql2';
import { StatementPipeline } from '../../../../src/adapters/persistence/statement-pipeline';

/**
 * A connection mysql2 already knows to be closed: it answers a query at once, inside `query`, with a fatal error
 * (what mysql2 does once it has seen the connection go).
 */
const closedConnection = (): Connection =>
  ({
    format: (sql: string) => sql,
    query: (_sql: string, ...rest: unknown[]) => {
      const callback = rest.at(-1) as (error: Error) => void;
      callback(Object.assign(new Error("Can't add new command when connection is in closed state"), { fatal: true }));
      return {};
    },
  }) as unknown as Connection;

describe('a transaction’s statements on a connection known to be closed', () => {
  it('fails every statement of the round trip with the connection’s error, at once', async () => {
    const pipeline = new StatementPipeline(closedConnection());
    const answers = await Promise.allSettled([
      pipeline.send({ sql: 'insert into t values (1)', bindings: [] }),
      pipeline.send({ sql: 'select 1', bindings: [] }),
    ]);

    expect(answers).toEqual([
      { status: 'rejected', reason: expect.objectContaining({ fatal: true }) },
      { status: 'rejected', reason: expect.objectContaining({ fatal: true }) },
    ]);
  });

  it('fails a COMMIT sent behind the last write the same way', async () => {
    const pipeline = new StatementPipeline(closedConnection());
    const write = pipeline.send({ sql: 'insert into t values (1)', bindings: [] });
    const commit = pipeline.commitWithNextRoundTrip();

    await expect(write).rejects.toMatchObject({ fatal: true });
    await expect(commit).rejects.toMatchObject({ fatal: true });
  });
});
