import { DiscordOAuthClient } from '../../../../src/adapters/discord/discord-oauth-client';
import { DiscordEmulator, startDiscordEmulator } from '../../../support/discord-emulator';

const REDIRECT = 'https://forte.example/panel/callback';
const LARA = { id: '368003617146880001', username: 'lara' };

describe('DiscordOAuthClient against the Discord emulator', () => {
  let discord: DiscordEmulator;
  beforeAll(async () => {
    discord = await startDiscordEmulator({ redirectUris: [REDIRECT] });
  });
  afterAll(() => discord.close());

  const client = (overrides: { clientSecret?: string; apiUrl?: string } = {}) =>
    new DiscordOAuthClient({
      apiUrl: overrides.apiUrl ?? discord.apiUrl,
      clientId: discord.clientId,
      clientSecret: overrides.clientSecret ?? discord.clientSecret,
      timeoutMs: 2000,
    });

  it('exchanges a code for the account that authorized it, once', async () => {
    const code = discord.issueCode(LARA, REDIRECT);
    expect(await client().identify(code, REDIRECT)).toEqual({
      ok: true,
      value: { discordId: LARA.id, username: 'lara' },
    });
    expect(await client().identify(code, REDIRECT)).toEqual({ ok: false, failure: { type: 'DiscordCodeRejected' } });
  });

  it('is refused a code issued for another redirect, and an unknown code', async () => {
    const code = discord.issueCode(LARA, REDIRECT);
    expect(await client().identify(code, 'https://elsewhere.example/callback')).toEqual({
      ok: false,
      failure: { type: 'DiscordCodeRejected' },
    });
    expect(await client().identify('never-issued', REDIRECT)).toEqual({
      ok: false,
      failure: { type: 'DiscordCodeRejected' },
    });
  });

  it('counts Discord failing or unreachable as unavailable', async () => {
    discord.setDown(true);
    try {
      expect(await client().identify(discord.issueCode(LARA, REDIRECT), REDIRECT)).toEqual({
        ok: false,
        failure: { type: 'DiscordUnavailable' },
      });
    } finally {
      discord.setDown(false);
    }
    expect(await client({ apiUrl: 'http://127.0.0.1:9/api/v10' }).identify('x', REDIRECT)).toEqual({
      ok: false,
      failure: { type: 'DiscordUnavailable' },
    });
  });

  it("throws on a wrong client secret: Forte's configuration is at fault, not the user", async () => {
    await expect(
      client({ clientSecret: 'wrong' }).identify(discord.issueCode(LARA, REDIRECT), REDIRECT),
    ).rejects.toThrow(/401/);
  });
});
