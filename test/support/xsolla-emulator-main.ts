import { XsollaEmulator } from './xsolla-emulator';

/**
 * `make dev`: the emulator as a process, `node dist/test/support/xsolla-emulator-main.js [PORT] [FORTE_WEBHOOK_URL]`.
 * `curl -X POST localhost:3400/_emulator/pay -d '{"user_id": 1, "points": 100}'` makes a payment and sends its
 * signed webhook to Forte; `curl localhost:3400/_emulator/wallets` shows Xsolla's copy of the wallets.
 */
async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? 3400);
  const webhookUrl = process.argv[3] ?? 'http://localhost:3000/api/v2/xsolla';
  const emulator = await XsollaEmulator.start({ port, webhookUrl });
  const settings = Object.entries(emulator.env()).map(([key, value]) => `  ${key}=${value}`);
  process.stderr.write(
    `xsolla emulator: listening on ${emulator.url}, webhooks to ${webhookUrl}\n${settings.join('\n')}\n`,
  );
  const stop = (): void => void emulator.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
