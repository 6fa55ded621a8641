import { Clock } from '../../src/application/ports/clock';
import { DiscordEmulator, startDiscordEmulator } from './discord-emulator';
import { freePort } from './free-port';
import { startTestApp, TestApp } from './test-app';

export interface PanelApp {
  app: TestApp;
  discord: DiscordEmulator;
  /** Forte's address, also its PUBLIC_URL. */
  origin: string;
  /** Where Discord sends the browser back to, as registered with the emulator. */
  redirectUri: string;
  close(): Promise<void>;
}

export const SESSION_SECRET = 'a test session secret, forty characters!';

/** Forte with its panel on (a real port, a fresh MariaDB database) and the Discord emulator it signs in with. */
export async function startPanelApp(options: { clock?: Clock } = {}): Promise<PanelApp> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const redirectUri = `${origin}/panel/callback`;
  const discord = await startDiscordEmulator({ redirectUris: [redirectUri] });
  const app = await startTestApp({
    clock: options.clock,
    env: {
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
    origin,
    redirectUri,
    async close() {
      await app.close();
      await discord.close();
    },
  };
}
