import { Registry } from 'prom-client';
import { InMemoryHttpApp, startInMemoryApp } from './in-memory-http-app';

describe('GET /metrics and the request duration histogram', () => {
  let app: InMemoryHttpApp | undefined;
  afterEach(() => app?.close());

  it('counts requests by route template, method and status, behind the metrics token', async () => {
    const started = await startInMemoryApp({ metrics: { registry: new Registry(), token: 'scrape-me' } });
    app = started;
    const token = await started.createClient('lara-bot', ['users:read']);
    await (await fetch(`${started.baseUrl}/users/41`, { headers: { authorization: token } })).text();
    await (await fetch(`${started.baseUrl}/users/42`, { headers: { authorization: token } })).text();
    await (await fetch(`${started.origin}/wp-login.php`)).text();

    expect((await fetch(`${started.origin}/metrics`)).status).toBe(401);
    expect((await fetch(`${started.origin}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const scraped = await fetch(`${started.origin}/metrics`, { headers: { authorization: 'Bearer scrape-me' } });
    const text = await scraped.text();

    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toContain('text/plain');
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/api/v2/users/:id",status="404"} 2',
    );
    expect(text).toContain('http_request_duration_seconds_count{method="GET",route="unmatched",status="404"} 1');
    expect(text).not.toContain('/users/41');
  });

  it('serves /metrics to anyone when no token is configured, and not at all without a registry', async () => {
    app = await startInMemoryApp({ metrics: { registry: new Registry(), token: null } });
    expect((await fetch(`${app.origin}/metrics`)).status).toBe(200);
    await app.close();

    app = await startInMemoryApp({ metrics: undefined });
    expect((await fetch(`${app.origin}/metrics`)).status).toBe(404);
  });
});
