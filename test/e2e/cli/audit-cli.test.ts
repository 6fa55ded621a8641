import { runCli } from '../../support/forte-cli';
import { startTestApp, TestApp } from '../../support/test-app';
import { ApiClient } from '../http/api-client';

/** `forte-cli audit` on MariaDB after real API traffic, then after hand edits that break the ledger. */
describe('forte-cli audit', () => {
  let app: TestApp;
  let bot: ApiClient;
  beforeAll(async () => {
    app = await startTestApp();
    bot = ApiClient.bearer(
      app.baseUrl,
      await app.createClient('audit-bot', ['users:write', 'points:grant', 'store:purchase']),
    );
  });
  afterAll(() => app?.close());

  const audit = () => runCli(['audit', '--json'], { env: { DATABASE_URL: app.runtime.config.DATABASE_URL } });

  it('finds every invariant holding after real traffic, exit 0', async () => {
    for (let n = 0; n < 3; n += 1) {
      const user = await bot.post('/users', { discord_id: `36800361714688100${n}`, name: `audited ${n}` });
      await bot.post(`/users/${user.body.id}/points`, { points: 100 });
      await bot.post(`/users/${user.body.id}/points`, { points: -30 });
    }
    const run = audit();
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      ok: true,
      checked: { users: 3, receipts: 6, user_items: 0 },
      found: 0,
      violations: [],
    });
  });

  it('names a balance edited by hand in SQL and a receipt whose chain is broken, exit 1', async () => {
    const knex = app.runtime.database.knex;
    await knex('users').where({ id: 1 }).update({ points: 1000 });
    const [second] = await knex('receipts').where({ user_id: 2 }).orderBy('id').select('id');
    await knex('receipts').where({ id: second.id }).update({ balance_before: 5, balance_after: 105 });

    const run = audit();

    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    expect(report.violations).toEqual(
      expect.arrayContaining([
        { invariant: 'balance_is_sum_of_receipts', user_id: 1, details: { points: 1000, sum_of_receipts: 70 } },
        expect.objectContaining({ invariant: 'receipt_chain_unbroken', user_id: 2, receipt_id: Number(second.id) }),
      ]),
    );
    const plain = runCli(['audit'], { env: { DATABASE_URL: app.runtime.config.DATABASE_URL } });
    expect(plain.status).toBe(1);
    expect(plain.stdout).toMatch(/violation\(s\)/);
    expect(plain.stdout).toMatch(/balance_is_sum_of_receipts/);
  });
});
