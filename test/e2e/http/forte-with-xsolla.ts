import { Clock } from '../../../src/application/ports/clock';
import { SCOPES } from '../../../src/domain/scope';
import { startTestApp, TestApp } from '../../support/test-app';
import { XsollaEmulator } from '../../support/xsolla-emulator';
import { ApiClient } from './api-client';

export interface ForteWithXsolla {
  emulator: XsollaEmulator;
  app: TestApp;
  /** A bot client with every scope. */
  bot: ApiClient;
  close(): Promise<void>;
}

/**
 * A Forte test app on a fresh database whose merchant API is a fresh Xsolla emulator, with a bot client named
 * `client`; the emulator sends its webhooks (payments, refunds) back to the app unless `webhooks` is false.
 */
export async function startForteWithXsolla(options: {
  client: string;
  env?: Record<string, string>;
  clock?: Clock;
  webhooks?: boolean;
}): Promise<ForteWithXsolla> {
  const emulator = await XsollaEmulator.start();
  const app = await startTestApp({
    ...(options.clock ? { clock: options.clock } : {}),
    env: { ...emulator.env(), ...options.env },
  });
  if (options.webhooks ?? true) emulator.webhookUrl = `${app.baseUrl}/xsolla`;
  const bot = ApiClient.bearer(app.baseUrl, await app.createClient(options.client, [...SCOPES]));
  return {
    emulator,
    app,
    bot,
    close: async () => {
      await app.close();
      await emulator.close();
    },
  };
}
