import { startTestApp, TestApp } from '../../support/test-app';

describe('GET /metrics on the real server', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('exposes process metrics and request durations labelled by route template', async () => {
    const token = await app.createClient('metrics-bot', ['users:read']);
    await fetch(`${app.baseUrl}/users/12345`, { headers: { authorization: `Bearer ${token}` } });
    const response = await fetch(`${app.origin}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/api\/v2\/users\/:id"[^}]*status="404"/);
    expect(text).not.toContain('12345');
  });
});
