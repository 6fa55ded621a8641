import { HttpDependencies } from '../../../src/adapters/http/http-dependencies';
import { InMemoryHttpApp, startInMemoryApp } from './in-memory-http-app';

interface WireBody {
  id: number;
  name: string;
  error: { code: string; details?: Record<string, unknown> };
}

const bodyOf = async (answer: Response): Promise<WireBody> => (await answer.json()) as WireBody;

describe('createHttpApp', () => {
  let app: InMemoryHttpApp | undefined;
  afterEach(() => app?.close());

  const start = async (overrides: Partial<HttpDependencies> = {}): Promise<InMemoryHttpApp> => {
    app = await startInMemoryApp(overrides);
    return app;
  };

  it('answers an unexpected error with a generic 500 INTERNAL_ERROR and reports it', async () => {
    const fault = new Error('connection reset by peer at 10.0.0.3:3306');
    const started = await start({ getUser: { execute: () => Promise.reject(fault) } });
    const token = await started.createClient('lara-bot', ['users:read']);

    const answer = await fetch(`${started.baseUrl}/users/1`, { headers: { authorization: `Bearer ${token}` } });
    const text = await answer.text();

    expect(answer.status).toBe(500);
    expect(JSON.parse(text)).toEqual({
      error: { code: 'INTERNAL_ERROR', message: expect.any(String) },
      message: expect.any(String),
    });
    expect(text).not.toContain('10.0.0.3');
    expect(text).not.toContain('at ');
    expect(started.reported).toEqual([fault]);
  });

  it('has no /panel route while the panel is not configured', async () => {
    const started = await start();
    const answer = await fetch(`${started.origin}/panel`, { redirect: 'manual' });
    expect(answer.status).toBe(404);
    expect((await bodyOf(answer)).error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('answers the checkout 503 XSOLLA_NOT_CONFIGURED while the merchant credentials are unset, not a fault', async () => {
    const started = await start();
    const token = await started.createClient('shop-bot', ['users:write', 'payments:checkout']);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const user = await fetch(`${started.baseUrl}/users`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ discord_id: '368003617146880001', name: 'lara' }),
    });

    const answer = await fetch(`${started.baseUrl}/users/${(await bodyOf(user)).id}/xsolla/token`, { headers });

    expect(answer.status).toBe(503);
    expect((await bodyOf(answer)).error.code).toBe('XSOLLA_NOT_CONFIGURED');
    expect(started.reported).toEqual([]);
  });

  it('answers /ready 503 NOT_READY when the database does not answer, whether it says so or throws', async () => {
    for (const isReady of [() => Promise.resolve(false), () => Promise.reject(new Error('ECONNREFUSED'))]) {
      const started = await start({ isReady });
      const answer = await fetch(`${started.origin}/ready`);
      expect(answer.status).toBe(503);
      expect((await bodyOf(answer)).error).toMatchObject({ code: 'NOT_READY', details: { database: 'unreachable' } });
      expect((await fetch(`${started.origin}/health`)).status).toBe(200);
      await started.close();
      app = undefined;
    }
  });

  it('applies the configured body limit, also to a streamed body without Content-Length', async () => {
    const started = await start({ bodyLimitBytes: 100 });
    const token = await started.createClient('lara-bot', ['users:write']);
    const body = JSON.stringify({ discord_id: '368003617146880001', name: 'n'.repeat(120) });
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(body));
        controller.close();
      },
    });

    const answer = await fetch(`${started.baseUrl}/users`, {
      method: 'POST',
      headers: { authorization: token, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);

    expect(answer.status).toBe(413);
    expect((await bodyOf(answer)).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { limitBytes: 100 } });
  });

  it('reads a JSON body sent without Content-Type and takes an empty body as {}', async () => {
    const started = await start();
    const token = await started.createClient('lara-bot', ['users:write']);
    const registered = await fetch(`${started.baseUrl}/users`, {
      method: 'POST',
      headers: { authorization: token },
      body: Buffer.from(JSON.stringify({ discord_id: '368003617146880001', name: 'lara' })),
    });
    expect(registered.status).toBe(201);
    const { id } = await bodyOf(registered);

    const emptyPatch = await fetch(`${started.baseUrl}/users/${id}`, {
      method: 'PATCH',
      headers: { authorization: token },
    });
    expect(emptyPatch.status).toBe(200);
    expect((await bodyOf(emptyPatch)).name).toBe('lara');
  });

  it('accepts the Bearer scheme in any case and refuses a body that is JSON but not an object as 422', async () => {
    const started = await start();
    const token = await started.createClient('lara-bot', ['users:write']);
    const answer = await fetch(`${started.baseUrl}/users`, {
      method: 'POST',
      headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
      body: '"lara"',
    });
    expect(answer.status).toBe(422);
    expect((await bodyOf(answer)).error.code).toBe('VALIDATION_FAILED');
  });
});
