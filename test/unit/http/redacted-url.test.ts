import { redactedUrl } from '../../../src/adapters/http/redacted-url';

describe('redactedUrl', () => {
  it('hides client tokens anywhere and the values of secret-bearing query parameters, nothing else', () => {
    const token = 'forte_GyaPgCQYIV-JOLpFfqAXo8Fd2DH6KJrJPg3E-yla6fI';
    expect(redactedUrl(`/api/v2/users/${token}`)).toBe('/api/v2/users/forte_REDACTED');
    expect(redactedUrl('/panel/sign-in/callback?code=abc123&state=xyz&lang=ko')).toBe(
      '/panel/sign-in/callback?code=REDACTED&state=REDACTED&lang=ko',
    );
    expect(redactedUrl('/api/v2/items?Access_Token=t&limit=5&flag')).toBe(
      '/api/v2/items?Access_Token=REDACTED&limit=5&flag',
    );
    expect(redactedUrl('/api/v2/users/12/receipts?limit=20&cursor=abc')).toBe(
      '/api/v2/users/12/receipts?limit=20&cursor=abc',
    );
  });
});
