import { runCli } from '../../support/forte-cli';
import { ServedForte, serveForte } from '../../support/served-forte';

/** PRODUCT.md §6: a revoked token is refused within 1 second of `forte-cli clients revoke`, in every process. */
describe('revoking a token while two server processes use it', () => {
  let forte: ServedForte;
  beforeAll(async () => {
    forte = await serveForte(2, { scopes: 'users:read' });
  });
  afterAll(() => forte?.stop());

  const statusOf = async (baseUrl: string): Promise<number> =>
    (await fetch(`${baseUrl}/users/1`, { headers: { authorization: `Bearer ${forte.token}` } })).status;

  it('is refused by both within a second of the command, and from then on', async () => {
    // Both processes have just looked the token up (the user does not exist: 404 means "authenticated").
    expect(await Promise.all(forte.baseUrls.map(statusOf))).toEqual([404, 404]);

    const revoked = runCli(['clients', 'revoke', 'storm-bot', '--yes'], { env: { DATABASE_URL: forte.database.url } });
    expect(revoked.status).toBe(0);
    const revokedAt = Date.now();

    const refusedAfter = await Promise.all(
      forte.baseUrls.map(async (baseUrl) => {
        while ((await statusOf(baseUrl)) !== 401) await new Promise((resolve) => setTimeout(resolve, 20));
        return Date.now() - revokedAt;
      }),
    );
    for (const ms of refusedAfter) expect(ms).toBeLessThan(1000);
    expect(await Promise.all(forte.baseUrls.map(statusOf))).toEqual([401, 401]);
  });
});
