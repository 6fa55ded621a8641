import { RequestFacts, RequestLogEntry } from '../../../src/adapters/http/http-observer';
import { InMemoryHttpApp, startInMemoryApp } from './in-memory-http-app';

describe('request ids and the structured request log', () => {
  let app: InMemoryHttpApp | undefined;
  afterEach(() => app?.close());

  const started = async (trustProxy: boolean, wants: (status: number) => boolean = () => true) => {
    const entries: RequestLogEntry[] = [];
    app = await startInMemoryApp({ trustProxy, requestLog: { wants, write: (entry) => void entries.push(entry) } });
    return { app, entries };
  };

  it('makes no entry for an answer the log does not want', async () => {
    const { app, entries } = await started(false, (status) => status !== 200);
    const answers = await Promise.all([fetch(`${app.origin}/health`), fetch(`${app.origin}/nowhere`)]);
    await Promise.all(answers.map((answer) => answer.text()));

    expect(answers.map((answer) => answer.status)).toEqual([200, 404]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(entries).toEqual([expect.objectContaining({ method: 'GET', route: 'unmatched', status: 404 })]);
  });

  it('answers a fresh X-Request-Id per request and logs it with the route template, status and client', async () => {
    const { app, entries } = await started(false);
    const token = await app.createClient('lara-bot', ['users:read']);
    const first = await fetch(`${app.baseUrl}/users/41`, { headers: { authorization: token } });
    const second = await fetch(`${app.origin}/health`, { headers: { 'x-request-id': 'chosen-by-the-client' } });
    await Promise.all([first.text(), second.text()]);

    const ids = [first.headers.get('x-request-id'), second.headers.get('x-request-id')];
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(entries).toEqual([
      expect.objectContaining({
        requestId: ids[0],
        method: 'GET',
        route: '/api/v2/users/:id',
        status: 404,
        client: 'lara-bot',
        remoteAddress: '127.0.0.1',
      }),
      expect.objectContaining({ requestId: ids[1], route: '/health', status: 200, client: null }),
    ]);
    expect(entries[0]?.durationMs).toBeGreaterThan(0);
  });

  it("keeps a trusted proxy's X-Request-Id, but not one that could forge a log line", async () => {
    const { app, entries } = await started(true);
    const kept = await fetch(`${app.origin}/health`, { headers: { 'x-request-id': 'edge-7f3a.91:b_c' } });
    const replaced = await fetch(`${app.origin}/health`, { headers: { 'x-request-id': 'a b"c' } });
    const tooLong = await fetch(`${app.origin}/health`, { headers: { 'x-request-id': 'x'.repeat(129) } });

    expect(kept.headers.get('x-request-id')).toBe('edge-7f3a.91:b_c');
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(tooLong.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(entries.map((entry) => entry.requestId)).toEqual([
      'edge-7f3a.91:b_c',
      replaced.headers.get('x-request-id'),
      tooLong.headers.get('x-request-id'),
    ]);
  });

  it('answers the id on a fault too, and hands the fault to the observer with the same id and the route', async () => {
    const faults: RequestFacts[] = [];
    const refusals: RequestFacts[] = [];
    app = await startInMemoryApp({
      getUser: {
        execute: async () => {
          throw new Error('the users table is gone');
        },
      },
      observer: {
        fault: (_error, request) => faults.push(request),
        storageRefusal: (_refusal, request) => refusals.push(request),
        protocolError: () => undefined,
      },
    });
    const token = await app.createClient('lara-bot', ['users:read']);
    const response = await fetch(`${app.baseUrl}/users/41`, { headers: { authorization: token } });

    expect(response.status).toBe(500);
    expect(faults).toEqual([
      {
        requestId: response.headers.get('x-request-id'),
        method: 'GET',
        route: '/api/v2/users/:id',
        client: 'lara-bot',
      },
    ]);
    expect(refusals).toEqual([]);
  });
});
