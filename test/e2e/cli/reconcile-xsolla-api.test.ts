import { eventually } from '../../support/eventually';
import { reconcileWith, utcToday } from '../../support/reconcile-cli';
import { TestApp } from '../../support/test-app';
import { XsollaEmulator } from '../../support/xsolla-emulator';
import { aPaidTransaction, EmulatedTransaction } from '../../support/xsolla-emulator-reports';
import { ApiClient } from '../http/api-client';
import { ForteWithXsolla, startForteWithXsolla } from '../http/forte-with-xsolla';
import { aDiscordId } from '../http/discord-ids';

// Each test runs the built CLI several times, and the machine may be busy.
jest.setTimeout(120_000);

/** `forte-cli reconcile --source api` on MariaDB against the Xsolla emulator seeded with one discrepancy of each kind. */
describe('forte-cli reconcile against the Xsolla emulator', () => {
  let forte: ForteWithXsolla;
  let emulator: XsollaEmulator;
  let app: TestApp;
  let bot: ApiClient;
  beforeAll(async () => {
    forte = await startForteWithXsolla({
      client: 'reconcile-bot',
      env: { XSOLLA_TIMEOUT_MS: '1000', XSOLLA_MIRROR_INTERVAL_MS: '50' },
    });
    ({ emulator, app, bot } = forte);
  });
  afterAll(() => forte?.close());

  const env = () => ({ DATABASE_URL: app.runtime.config.DATABASE_URL, ...emulator.env(), XSOLLA_TIMEOUT_MS: '1000' });
  const reconcile = (...args: string[]) => reconcileWith(env())(utcToday(), utcToday(), ...args);
  const aUser = async (): Promise<number> =>
    (await bot.post('/users', { discord_id: aDiscordId(), name: 'payer' })).body.id;
  const balanceOf = async (userId: number): Promise<number> => (await bot.get(`/users/${userId}`)).body.points;
  const transactionOf = (userId: number): EmulatedTransaction => {
    const found = emulator.transactions.find((transaction) => transaction.userId === String(userId));
    if (!found) throw new Error(`The emulator holds no transaction of user ${userId}`);
    return found;
  };
  /** The balance mirror has brought every wallet to Forte's balance and emptied its outbox. */
  const mirrored = () =>
    eventually(async () => {
      const backlog = await app.runtime.database.knex('xsolla_outbox').count({ count: '*' });
      return Number(backlog[0]?.count) === 0;
    });
  const receiptCount = async (): Promise<number> =>
    Number((await app.runtime.database.knex('receipts').count({ count: '*' }))[0]?.count);
  const unpaid = (id: number, userId: number, points: number): EmulatedTransaction =>
    aPaidTransaction({ id, userId, points });

  const users = { agreeing: 0, missingInForte: 0, missingInXsolla: 0, amount: 0, status: 0, drift: 0 };

  it('finds each seeded discrepancy exactly once, repairs the fixable ones, and lists the others for a human', async () => {
    for (const name of Object.keys(users) as (keyof typeof users)[]) {
      users[name] = await aUser();
      expect((await emulator.pay(users[name], { points: 100 })).reply.status).toBe(204);
    }
    const credited = await emulator.sendFixture('payment', users.missingInXsolla, '774555001', {
      'purchase.virtual_currency.quantity': 30,
      'purchase.virtual_items.items': [],
      'payment_details.payment': { currency: 'USD', amount: '3.00' },
    });
    expect(credited.status).toBe(204);
    await mirrored();
    emulator.transactions.push(unpaid(774555002, users.missingInForte, 40));
    emulator.wallets.set(String(users.missingInForte), 140);
    transactionOf(users.amount).amount = '99.00';
    Object.assign(transactionOf(users.status), { status: 'canceled', refundReason: 'Customer request' });
    emulator.wallets.set(String(users.status), 0);
    emulator.wallets.set(String(users.drift), 125);

    const found = await reconcile();
    expect(found.status).toBe(1);
    const counts = Object.fromEntries(
      Object.entries(found.report.categories).map(([category, entry]) => [
        category,
        (entry as { count: number }).count,
      ]),
    );
    expect(counts).toEqual({
      missing_in_forte: 1,
      missing_in_xsolla: 1,
      amount_mismatch: 1,
      status_mismatch: 1,
      balance_drift: 1,
    });
    const row = (category: string) =>
      found.report.discrepancies.find((candidate: { category: string }) => candidate.category === category);
    expect(row('missing_in_forte')).toMatchObject({
      user_id: String(users.missingInForte),
      points: 40,
      repair: 'credit',
    });
    expect(row('missing_in_xsolla')).toMatchObject({
      transaction_id: '774555001',
      user_id: String(users.missingInXsolla),
    });
    expect(row('amount_mismatch')).toMatchObject({ user_id: String(users.amount), xsolla_amount: '99 USD' });
    expect(row('status_mismatch')).toMatchObject({ user_id: String(users.status), points: -100, repair: 'reverse' });
    expect(row('balance_drift')).toMatchObject({
      user_id: String(users.drift),
      xsolla_balance: 125,
      forte_balance: 100,
    });

    const applied = await reconcile('--apply');
    expect(applied.status).toBe(1);
    expect(
      applied.report.repairs
        .map((repair: { category: string; outcome: string }) => `${repair.category} ${repair.outcome}`)
        .sort(),
    ).toEqual(['balance_drift applied', 'missing_in_forte applied', 'status_mismatch applied']);
    expect(applied.report.needs_human.map((row: { category: string }) => row.category).sort()).toEqual([
      'amount_mismatch',
      'missing_in_xsolla',
    ]);
    expect(await balanceOf(users.missingInForte)).toBe(140);
    expect(await balanceOf(users.status)).toBe(0);
    await mirrored();
    expect(emulator.wallets.get(String(users.drift))).toBe(100);

    const receipts = await receiptCount();
    const second = await reconcile('--apply');
    expect(second.report.repairs).toEqual([]);
    expect(second.report.discrepancies.map((row: { category: string }) => row.category).sort()).toEqual([
      'amount_mismatch',
      'missing_in_xsolla',
    ]);
    expect(await receiptCount()).toBe(receipts);

    // What a human finds out: Xsolla's record of the amount was right after all, and the payment is Xsolla's.
    transactionOf(users.amount).amount = '10.00';
    emulator.transactions.push({ ...unpaid(774555001, users.missingInXsolla, 30), amount: '3.00' });
    // A user of no transaction whose wallet drifted: only `--balances all` looks at it.
    const bystander = await aUser();
    emulator.wallets.set(String(bystander), 5);
    const clean = await reconcile();
    expect(clean.status).toBe(0);
    expect(clean.report).toMatchObject({ ok: true, mismatches: 0 });
    expect(clean.report.checked.balances).toBe(Object.keys(users).length);
    const everyWallet = await reconcile('--balances', 'all');
    expect(everyWallet.status).toBe(1);
    expect(everyWallet.report.checked.balances).toBe(Object.keys(users).length + 1);
    expect(everyWallet.report.discrepancies).toEqual([
      expect.objectContaining({
        category: 'balance_drift',
        user_id: String(bystander),
        xsolla_balance: 5,
        forte_balance: 0,
      }),
    ]);
  });

  describe('when Xsolla fails', () => {
    let userId: number;
    let points: number;
    beforeAll(async () => {
      userId = await aUser();
      emulator.transactions.push(unpaid(774666001, userId, 50));
      emulator.wallets.set(String(userId), 50);
      points = await balanceOf(userId);
    });
    afterEach(() => emulator.recover());

    it('a 500 that outlasts the retries is exit 2 naming Xsolla, and nothing is applied', async () => {
      emulator.failWith(500);
      const calls = emulator.calls.length;
      const run = await reconcile('--apply');
      expect(run.status).toBe(2);
      expect(run.report.error.code).toBe('XSOLLA_UNAVAILABLE');
      expect(run.report.error.message).toMatch(/transactions search.*500.*after 4 attempts/);
      const searches = emulator.calls.slice(calls).filter((call) => call.path.endsWith('/search.json'));
      expect(searches.map((call) => call.status)).toEqual([500, 500, 500, 500]);
      expect(await balanceOf(userId)).toBe(points);
    });

    it('a 401 is exit 2 naming the credentials, and nothing is applied', async () => {
      const run = await reconcileWith({ ...env(), XSOLLA_API_KEY: 'not-the-key' })(utcToday(), utcToday(), '--apply');
      expect(run.status).toBe(2);
      expect(run.report.error.code).toBe('XSOLLA_REJECTED');
      expect(run.report.error.message).toMatch(/401.*XSOLLA_API_KEY/);
      expect(await balanceOf(userId)).toBe(points);
    });

    it('recovered, the same run applies the missed payment', async () => {
      const run = await reconcile('--apply');
      expect(run.report.repairs).toEqual([
        expect.objectContaining({ category: 'missing_in_forte', transaction_id: '774666001', outcome: 'applied' }),
      ]);
      expect(await balanceOf(userId)).toBe(points + 50);
    });
  });
});
