import { AddressInfo } from 'node:net';
import Koa from 'koa';
import { CommitOutcomeUnknownError, StorageUnavailableError } from '../../../src/application/ports/storage-failures';
import { errorBoundary } from '../../../src/adapters/http/error-boundary';
import { StorageRefusal } from '../../../src/adapters/http/http-observer';

/** What a request answers when its work throws `error` behind the error boundary. */
async function answerTo(error: Error): Promise<{ status: number; retryAfter: string | null; body: unknown }> {
  const refusals: StorageRefusal[] = [];
  const app = new Koa().use(
    errorBoundary({
      fault: () => undefined,
      storageRefusal: (refusal) => refusals.push(refusal),
      protocolError: () => undefined,
    }),
  );
  app.use(() => {
    throw error;
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect(refusals).toEqual(['DATABASE_UNAVAILABLE']);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
  } finally {
    server.close();
  }
}

describe('the error boundary on a database that went away', () => {
  it('says nothing was written when the work never reached the database', async () => {
    const answer = await answerTo(new StorageUnavailableError({ cause: new Error('connect ECONNREFUSED') }));
    expect(answer).toMatchObject({
      status: 503,
      retryAfter: '5',
      body: { error: { code: 'DATABASE_UNAVAILABLE', message: expect.stringContaining('nothing was written') } },
    });
  });

  it('says the change may have been applied when the connection was lost at COMMIT', async () => {
    const answer = await answerTo(new CommitOutcomeUnknownError({ cause: new Error('Connection lost') }));
    expect(answer).toMatchObject({
      status: 503,
      retryAfter: '5',
      body: { error: { code: 'DATABASE_UNAVAILABLE', message: expect.stringContaining('may have been applied') } },
    });
    expect(JSON.stringify(answer.body)).not.toContain('nothing was written');
  });
});
