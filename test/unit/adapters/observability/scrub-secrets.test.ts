import { scrubSecrets } from '../../../../src/adapters/observability/scrub-secrets';

const TOKEN = 'forte_gLB4wQjmIxyMjQAOCpbg0cbQrtGpaBL7qntnE2-_QA4';
const TOKEN_HASH = 'a3f1c2d4e5b60718293a4b5c6d7e8f9012345678abcdef0123456789abcdef01';
const SIGNATURE = '0f3c4b2d8e6a1c9b7d5e3f2a1b0c9d8e7f6a5b4c';

describe('scrubSecrets', () => {
  it('leaves no token, signature, Authorization value, cookie or e-mail anywhere in an event', () => {
    const event = {
      message: `select * from clients where token_hash = '${TOKEN_HASH}' - lookup failed`,
      exception: {
        values: [{ type: 'Error', value: `insert into users (name) values ('lara@example.com') - ${TOKEN} rejected` }],
      },
      request: {
        url: `http://forte/api/v2/users?token=${TOKEN}&limit=10`,
        headers: { Authorization: `Bearer ${TOKEN}`, Cookie: 'forte_session=abc', 'User-Agent': 'lara-bot/1.0' },
      },
      breadcrumbs: [{ message: `Authorization: Signature ${SIGNATURE}` }, { data: { email: 'kim@example.org' } }],
      extra: { xsolla: { project_secret: 'pr0ject-s3cret', apiKey: 'k' } },
      tags: { route: '/api/v2/users/:id', client: 'lara-bot', request_id: '7f0c2a52-9b1e-4f8e-a4b6-3c2d1e0f9a8b' },
    };
    const scrubbed = JSON.stringify(scrubSecrets(event));

    for (const secret of [
      TOKEN,
      TOKEN_HASH,
      SIGNATURE,
      'lara@example.com',
      'kim@example.org',
      'abc',
      'pr0ject-s3cret',
    ]) {
      expect(scrubbed).not.toContain(secret);
    }
    expect(scrubbed).toContain('lara-bot/1.0');
    expect(scrubbed).toContain('limit=10');
    expect(scrubbed).toContain('"route":"/api/v2/users/:id"');
    expect(scrubbed).toContain('"request_id":"7f0c2a52-9b1e-4f8e-a4b6-3c2d1e0f9a8b"');
    expect(scrubbed).toContain('lookup failed');
  });

  it('does not change its input', () => {
    const event = { message: `Bearer ${TOKEN}` };
    scrubSecrets(event);
    expect(event.message).toBe(`Bearer ${TOKEN}`);
  });
});
