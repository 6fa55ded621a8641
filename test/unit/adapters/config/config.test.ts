import { panelConfigOf, parseConfig } from '../../../../src/adapters/config/config';

describe('parseConfig', () => {
  it('defaults to the embedded SQLite database on port 3000; an empty value counts as unset', () => {
    expect(parseConfig({ PORT: '' })).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      DATABASE_URL: 'sqlite:./data/forte.sqlite',
    });
  });

  it('names every bad key in one line', () => {
    expect(() => parseConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(
      /^invalid configuration: PORT: [^\n]+; LOG_LEVEL: [^\n]+$/,
    );
  });

  it.each([
    'mariadb://root@127.0.0.1/forte',
    'mysql://root@127.0.0.1:99999/forte',
    'mysql://root@127.0.0.1',
    'forte.sqlite',
  ])('refuses the DATABASE_URL %s, which no database adapter reads', (url) => {
    expect(() => parseConfig({ DATABASE_URL: url })).toThrow(
      'DATABASE_URL: expected mysql://user:pass@host:port/database or sqlite:PATH',
    );
  });

  it('leaves the rate limit off unless set, and reads the HTTP time limits, a request at least its headers', () => {
    expect(parseConfig({}).RATE_LIMIT_PER_CLIENT).toBeUndefined();
    expect(parseConfig({ RATE_LIMIT_PER_CLIENT: '' }).RATE_LIMIT_PER_CLIENT).toBeUndefined();
    expect(parseConfig({ RATE_LIMIT_PER_CLIENT: '600' }).RATE_LIMIT_PER_CLIENT).toBe(600);
    expect(() => parseConfig({ RATE_LIMIT_PER_CLIENT: '0' })).toThrow(/RATE_LIMIT_PER_CLIENT/);
    expect(parseConfig({})).toMatchObject({
      HTTP_HEADERS_TIMEOUT_MS: 10_000,
      HTTP_REQUEST_TIMEOUT_MS: 30_000,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: 5000,
      DATABASE_CONNECT_TIMEOUT_MS: 3000,
    });
    expect(() => parseConfig({ HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '10000' })).toThrow(
      /HTTP_REQUEST_TIMEOUT_MS: must be at least HTTP_HEADERS_TIMEOUT_MS/,
    );
  });

  describe('the user panel', () => {
    const PANEL = {
      DISCORD_CLIENT_ID: '1234567890123456789',
      DISCORD_CLIENT_SECRET: 'secret',
      DISCORD_API_URL: 'https://discord.com/api/v10/',
      PUBLIC_URL: 'https://forte.example/',
      SESSION_SECRET: 'x'.repeat(32),
    };

    it('is on once all five keys are set', () => {
      expect(panelConfigOf(parseConfig(PANEL))).toEqual({
        discordClientId: '1234567890123456789',
        discordClientSecret: 'secret',
        discordApiUrl: 'https://discord.com/api/v10',
        publicUrl: 'https://forte.example',
        sessionSecret: 'x'.repeat(32),
      });
    });

    it('is off with none of them, or with PUBLIC_URL alone (it serves other links too)', () => {
      expect(panelConfigOf(parseConfig({}))).toBeNull();
      expect(panelConfigOf(parseConfig({ PUBLIC_URL: 'https://forte.example' }))).toBeNull();
    });

    it('refuses to start partly set, naming what is missing', () => {
      const { PUBLIC_URL: _public, SESSION_SECRET: _secret, ...partly } = PANEL;
      expect(() => parseConfig(partly)).toThrow(
        /^invalid configuration: PUBLIC_URL, SESSION_SECRET: missing; the user panel needs DISCORD_CLIENT_ID, DISCORD_CLIENT_SECRET, DISCORD_API_URL, PUBLIC_URL, SESSION_SECRET together/,
      );
      expect(() => parseConfig({ SESSION_SECRET: 'x'.repeat(40) })).toThrow(/DISCORD_CLIENT_ID, DISCORD_CLIENT_SECRET/);
    });

    it('wants a session secret of at least 32 characters and web addresses', () => {
      expect(() => parseConfig({ ...PANEL, SESSION_SECRET: 'short' })).toThrow(
        'SESSION_SECRET: must be at least 32 characters',
      );
      expect(() => parseConfig({ ...PANEL, PUBLIC_URL: 'ftp://forte.example' })).toThrow(/PUBLIC_URL: /);
      expect(() => parseConfig({ ...PANEL, DISCORD_API_URL: 'ftp://discord.com' })).toThrow(
        'DISCORD_API_URL: expected an http:// or https:// address',
      );
    });
  });
});
