import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { webhookFixture } from '../../adapters/xsolla/webhook-fixtures';
import { usageError } from '../cli-error';

/** The text of a notification to send: one of Xsolla's payloads by name (`payment`, ...), else a JSON file. */
export function readNotification(given: string): string {
  const fixture = webhookFixture(given);
  if (fixture !== null) return fixture;
  const path = resolve(given);
  if (!existsSync(path)) {
    throw usageError(
      `${given}: no such file, nor a fixture of test/fixtures/xsolla (payment, refund, order_paid, ...)`,
    );
  }
  return readFileSync(path, 'utf8');
}
