import { openApiDocument } from '../../../src/adapters/http/openapi/openapi-document';
import { pointsRoutes } from '../../../src/adapters/http/routes/points-routes';

describe('openApiDocument', () => {
  const changePoints = { execute: () => Promise.reject(new Error('never called')) };
  const document = openApiDocument({ Points: pointsRoutes({ changePoints }) });
  const grant = document.paths?.['/api/v2/users/{id}/points']?.post;

  it("documents an endpoint's scope, parameters, Idempotency-Key and strict body", () => {
    expect(grant?.security).toEqual([{ clientToken: ['points:grant'] }]);
    expect(grant?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'path', name: 'id', required: true }),
        expect.objectContaining({ in: 'header', name: 'idempotency-key', required: false }),
      ]),
    );
    expect(document.components?.schemas?.ChangePoints).toMatchObject({
      additionalProperties: false,
      required: ['points'],
      properties: { points: { type: 'integer', minimum: -1_000_000_000, maximum: 1_000_000_000 } },
    });
  });

  it('lists the success and every refusal with its codes, from the same failure table the answers use', () => {
    const responses = grant?.responses ?? {};
    expect(Object.keys(responses).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '415',
      '422',
      '429',
      '503',
    ]);
    expect(responses['429']?.description).toBe('RATE_LIMITED');
    expect(responses['503']?.description).toBe('BUSY, DATABASE_UNAVAILABLE');
    expect(responses['409']?.description).toBe('INSUFFICIENT_POINTS, BALANCE_OUT_OF_RANGE, IDEMPOTENCY_KEY_IN_USE');
    expect(responses['422']?.description).toBe('VALIDATION_FAILED, IDEMPOTENCY_KEY_REUSED');
  });

  it('groups the routes by resource, each under the tag it was given, the service routes under their own', () => {
    expect(grant?.tags).toEqual(['Points']);
    expect(document.tags?.map((tag) => tag.name)).toEqual(['Points', 'Service']);
    expect(document.tags?.every((tag) => (tag.description ?? '').length > 0)).toBe(true);
    for (const path of ['/health', '/ready', '/metrics', '/api/openapi.json', '/api/documentation']) {
      expect(document.paths?.[path]?.get?.tags).toEqual(['Service']);
    }
  });

  it('describes /health, /ready and /metrics: what each answers, and the optional metrics token', () => {
    expect(document.paths?.['/ready']?.get?.responses?.['503']?.description).toMatch(/NOT_READY/);
    const metrics = document.paths?.['/metrics']?.get;
    expect(metrics?.description).toMatch(/http_request_duration_seconds.*METRICS_TOKEN/s);
    expect(metrics?.security).toEqual([{ metricsToken: [] }, {}]);
    expect(Object.keys(metrics?.responses ?? {})).toEqual(['200', '401']);
  });
});
