import { XsollaMerchantClient, XsollaMerchantSettings } from '../../../../src/adapters/xsolla/xsolla-merchant-client';
import { XsollaEmulator } from '../../../support/xsolla-emulator';

describe("the Xsolla merchant client, against the emulator's real routes", () => {
  let emulator: XsollaEmulator;
  let settings: XsollaMerchantSettings;
  beforeEach(async () => {
    emulator = await XsollaEmulator.start();
    settings = {
      apiUrl: emulator.url,
      merchantId: emulator.merchantId,
      projectId: emulator.projectId,
      apiKey: emulator.apiKey,
      sandbox: false,
      timeoutMs: 300,
    };
  });
  afterEach(() => emulator.close());

  const client = (changes: Partial<XsollaMerchantSettings> = {}) =>
    new XsollaMerchantClient({ ...settings, ...changes });
  const lara = { id: '7', name: 'lara', email: 'lara@example.com' };

  describe('a Pay Station token', () => {
    it("is asked for with Basic auth, the user's Forte id and the project, and opens the Pay Station page", async () => {
      const created = await client().createPayStationToken(lara);

      if (!created.ok) throw new Error(created.failure.type);
      expect(created.value.url).toBe(
        `https://secure.xsolla.com/paystation4/?token=${encodeURIComponent(created.value.token)}`,
      );
      expect(emulator.tokens.get(created.value.token)).toEqual({ userId: '7', sandbox: false });
      expect(emulator.calls).toEqual([
        {
          method: 'POST',
          path: `/merchant/v2/merchants/${emulator.merchantId}/token`,
          body: {
            user: { id: { value: '7' }, name: { value: 'lara' }, email: { value: 'lara@example.com' } },
            settings: { project_id: Number(emulator.projectId) },
          },
          status: 200,
        },
      ]);
    });

    it('in sandbox mode opens the sandbox page; a user without an email is sent without one', async () => {
      const created = await client({ sandbox: true }).createPayStationToken({ ...lara, email: null });

      if (!created.ok) throw new Error(created.failure.type);
      expect(created.value.url).toMatch(/^https:\/\/sandbox-secure\.xsolla\.com\/paystation4\/\?token=/);
      expect(emulator.calls[0]?.body).toEqual({
        user: { id: { value: '7' }, name: { value: 'lara' } },
        settings: { project_id: Number(emulator.projectId), mode: 'sandbox' },
      });
    });

    it('is asked for again after a 5xx, since a second token harms nothing', async () => {
      emulator.failWith(503);
      void emulator.nextCall('POST', /token$/).then(() => emulator.recover());

      expect((await client().createPayStationToken(lara)).ok).toBe(true);
      expect(emulator.calls.map((call) => call.status)).toEqual([503, 200]);
    });

    it('is XsollaUnavailable when Xsolla keeps failing or never answers, after three tries', async () => {
      emulator.failWith(500);
      expect(await client().createPayStationToken(lara)).toEqual({
        ok: false,
        failure: { type: 'XsollaUnavailable', reason: 'Xsolla answered 500' },
      });
      expect(emulator.calls).toHaveLength(3);

      emulator.hang();
      expect(await client().createPayStationToken(lara)).toEqual({
        ok: false,
        failure: { type: 'XsollaUnavailable', reason: 'no answer within 300 ms' },
      });
    });

    it("is XsollaRejected, with Xsolla's message and without a retry, when Xsolla refuses the request", async () => {
      const refused = await client({ apiKey: 'wrong' }).createPayStationToken(lara);
      expect(refused).toEqual({
        ok: false,
        failure: { type: 'XsollaRejected', reason: 'Xsolla answered 401: Authorization failed' },
      });
      const invalid = await client({ projectId: '1' }).createPayStationToken(lara);
      expect(invalid).toMatchObject({ ok: false, failure: { type: 'XsollaRejected' } });
      expect(emulator.calls).toHaveLength(2);
    });

    it('is XsollaUnavailable when nothing listens at XSOLLA_API_URL', async () => {
      await emulator.close();
      expect(await client().createPayStationToken(lara)).toMatchObject({
        ok: false,
        failure: { type: 'XsollaUnavailable', reason: expect.stringMatching(/^network error/) },
      });
    });
  });

  describe('a recharge', () => {
    it("adds to Xsolla's copy of the wallet and answers its balance", async () => {
      expect(await client().recharge('7', 30, 'Forte balance 30')).toEqual({ ok: true, value: { balance: 30 } });
      expect(await client().recharge('7', -12, 'Forte balance 18')).toEqual({ ok: true, value: { balance: 18 } });
      expect(emulator.calls.map((call) => [call.method, call.path, call.body])).toEqual([
        [
          'POST',
          `/merchant/v2/projects/${emulator.projectId}/users/7/recharge`,
          { amount: 30, comment: 'Forte balance 30' },
        ],
        [
          'POST',
          `/merchant/v2/projects/${emulator.projectId}/users/7/recharge`,
          { amount: -12, comment: 'Forte balance 18' },
        ],
      ]);
    });

    it('is never sent twice: a 5xx or a timeout is XsollaUnavailable after one call', async () => {
      emulator.failWith(502);
      expect(await client().recharge('7', 30, 'x')).toMatchObject({
        ok: false,
        failure: { type: 'XsollaUnavailable' },
      });
      emulator.slow(1000);
      expect(await client().recharge('7', 30, 'x')).toEqual({
        ok: false,
        failure: { type: 'XsollaUnavailable', reason: 'no answer within 300 ms' },
      });
      expect(emulator.calls).toHaveLength(2);
      // The slow answer's recharge was applied all the same: only the balance it answers can tell.
      expect(emulator.wallets.get('7')).toBe(30);
    });

    it('is XsollaRejected when Xsolla refuses it', async () => {
      expect(await client().recharge('7', -5, 'x')).toMatchObject({
        ok: false,
        failure: { type: 'XsollaRejected', reason: expect.stringContaining('422') },
      });
    });
  });
});
