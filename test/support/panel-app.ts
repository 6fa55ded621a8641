import { Clock } from '../../src/application/ports/clock';
import { DiscordEmulator, startDiscordEmulator } from './discord-emulator';
import { freePort } from './free-port';
import { startTestApp, TestApp } from './test-app';
import { XsollaEmulator } from './xsolla-emulator';

export interface PanelApp {
  app: TestApp;
  discord: DiscordEmulator;
  /** Xsolla, for the checkout behind "buy points" (sandbox Pay Station). */
  xsolla: XsollaEmulator;
  /** Forte's address, also its PUBLIC_URL. */
  origin: string;
  /** Where Discord sends the browser back to, as registered with the emulator. */
  redirectUri: string;
  close(): Promise<void>;
}

export const SESSION_SECRET = 'a test session secret, forty characters!';

/**
 * Forte with its panel on (a real port, a fresh MariaDB database), the Discord emulator it signs in with and the
 * Xsolla emulator its checkout asks for Pay Station tokens.
 */
export async function startPanelApp(options: { clock?: Clock } = {}): Promise<PanelApp> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const redirectUri = `${origin}/panel/callback`;
  const discord = await startDiscordEmulator({ redirectUris: [redirectUri] });
  const xsolla = await XsollaEmulator.start();
  const app = await startTestApp({
    clock: options.clock,
    env: {
      ...xsolla.env(),
      XSOLLA_SANDBOX: 'true',
      XSOLLA_TIMEOUT_MS: '500',
      PORT: String(port),
      PUBLIC_URL: origin,
      DISCORD_CLIENT_ID: discord.clientId,
      DISCORD_CLIENT_SECRET: discord.clientSecret,
      DISCORD_API_URL: discord.apiUrl,
      SESSION_SECRET,
    },
  });
  return {
    app,
    discord,
    xsolla,
    origin,
    redirectUri,
    async close() {
      await app.close();
      await discord.close();
      await xsolla.close();
    },
  };
}
