import { ApiClient } from './api-client';
import { useApiSession } from './api-session';

const session = useApiSession();

describe('service routes (no token needed)', () => {
  const open = (): ApiClient => new ApiClient(session.app.origin, null);

  it('/health and /ready answer 200', async () => {
    expect(await open().get('/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await open().get('/ready')).toMatchObject({ status: 200, body: { status: 'ready', database: 'up' } });
  });

  it('/api/openapi.json is an OpenAPI 3.1 document listing every route with its schemas', async () => {
    const { status, body } = await open().get('/api/openapi.json');

    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const operations = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'POST /api/v2/users',
        'GET /api/v2/users/{id}',
        'PATCH /api/v2/users/{id}',
        'DELETE /api/v2/users/{id}',
        'GET /api/v2/discords/{discordId}',
        'POST /api/v2/users/{id}/points',
        'GET /api/v2/users/{id}/receipts',
        'GET /api/v2/users/{id}/receipts/{receiptId}',
        'GET /health',
        'GET /ready',
      ]),
    );
    // Every $ref points at a component the document defines.
    const refs = [...JSON.stringify(body).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]);
    expect(refs.length).toBeGreaterThan(0);
    refs.forEach((name) => expect(Object.keys(body.components.schemas)).toContain(name));
    expect(body.components.schemas.RegisterUser).toMatchObject({
      additionalProperties: false,
      required: ['discord_id', 'name'],
    });
  });

  it('/api/openapi.json groups every route under one resource tag, none under "default"', async () => {
    const { body } = await open().get('/api/openapi.json');
    const declared = (body.tags as { name: string }[]).map((tag) => tag.name);
    expect(declared).toEqual([
      'Users',
      'Points',
      'Receipts',
      'Items',
      'Inventory',
      'Attendance',
      'Checkout',
      'Xsolla',
      'Service',
    ]);
    const paths = body.paths as Record<string, Record<string, { tags?: string[] }>>;
    const operations = Object.values(paths).flatMap((methods) => Object.values(methods));
    for (const operation of operations) {
      expect(operation.tags).toHaveLength(1);
      expect(declared).toContain(operation.tags?.[0]);
    }
  });

  it('/api/documentation is an HTML page whose scripts and styles are served locally', async () => {
    const page = await fetch(`${session.app.origin}/api/documentation`);
    const html = await page.text();

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('/api/openapi.json');
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      expect(asset.startsWith('/')).toBe(true);
      const loaded = await fetch(`${session.app.origin}${asset}`);
      expect(loaded.status).toBe(200);
      expect((await loaded.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    expect((await fetch(`${session.app.origin}/api/documentation/package.json`)).status).toBe(404);
  });
});
