import { Command } from 'commander';
import { CliError, usageError } from '../cli-error';
import { EXIT } from '../exit-codes';
import { printTable } from '../print-table';
import { withRuntime } from '../with-runtime';
import { readNotification } from '../xsolla/notification-file';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `--set user.id=7` as a path and its value. */
function fieldsOf(sets: string[], fieldValue: (text: string) => unknown): Record<string, unknown> {
  return Object.fromEntries(
    sets.map((set) => {
      const at = set.indexOf('=');
      if (at <= 0) throw usageError(`--set wants path=value, got ${set}`);
      return [set.slice(0, at), fieldValue(set.slice(at + 1))];
    }),
  );
}

interface SendOptions {
  url: string;
  set: string[];
  secret?: string;
  json?: boolean;
}

export function registerXsollaCommand(program: Command): void {
  const xsolla = program
    .command('xsolla')
    .description("Xsolla: the balance mirror's backlog; signed test webhooks for a Forte");

  xsolla
    .command('status')
    .description("The balance mirror's backlog: changes not yet brought to Xsolla, and the wallets that keep failing")
    .option('--json', 'print the backlog as one JSON object')
    .addHelpText('after', '\nExit 0, or 1 when some wallets keep failing (they are listed, with their last error).\n')
    .action(async (options: { json?: boolean }) => {
      await withRuntime(async (runtime) => {
        const backlog = await runtime.useCases.getMirrorBacklog.execute();
        const { XSOLLA_MERCHANT_ID, XSOLLA_PROJECT_ID, XSOLLA_API_KEY } = runtime.config;
        const mirror = XSOLLA_MERCHANT_ID && XSOLLA_PROJECT_ID && XSOLLA_API_KEY ? 'on' : 'off';
        const failing = backlog.failing.map((wallet) => ({
          user_id: wallet.userId,
          attempts: wallet.attempts,
          next_attempt_at: wallet.nextAttemptAt?.toISOString() ?? null,
          last_error: wallet.lastError,
        }));
        const report = {
          mirror,
          changes: backlog.changes,
          users: backlog.users,
          oldest_change_at: backlog.oldestChangeAt?.toISOString() ?? null,
          leased: backlog.leased,
          failing,
        };
        if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
        else printBacklog(report);
        if (failing.length > 0) process.exitCode = EXIT.problemsFound;
      });
    });

  xsolla
    .command('send <notification>')
    .description(
      'Sign a webhook as Xsolla does and POST it: a fixture by name (payment, refund, order_paid, ...) or a JSON file',
    )
    .requiredOption('--url <url>', 'the webhook URL, e.g. http://localhost:3000/api/v2/xsolla')
    .option(
      '--set <path=value>',
      'set a field before signing, repeatable: --set user.id=7 --set transaction.id=9',
      collect,
      [],
    )
    .option('--secret <secret>', 'sign with this secret instead of XSOLLA_PROJECT_SECRET')
    .option('--json', 'print {"status", "body"}')
    .addHelpText(
      'after',
      '\nA value after --set is JSON when it reads as JSON (numbers keep every digit), else text.\n' +
        'Exit 0 when Forte answered 2xx, 1 when it answered anything else, 2 when it could not be reached.\n',
    )
    .action(async (given: string, options: SendOptions) => {
      const [{ withFields, fieldValue }, { sendSignedWebhook }] = await Promise.all([
        import('../../adapters/xsolla/notification-document'),
        import('../../adapters/xsolla/webhook-sender'),
      ]);
      if (!URL.canParse(options.url)) throw usageError(`--url is not a URL: ${options.url}`);
      const secret = options.secret ?? (await configuredSecret());
      let body: string;
      try {
        body = withFields(readNotification(given), fieldsOf(options.set, fieldValue));
      } catch (error) {
        if (error instanceof CliError) throw error;
        throw usageError(`${given}: ${(error as Error).message}`);
      }
      let reply;
      try {
        reply = await sendSignedWebhook(options.url, Buffer.from(body, 'utf8'), secret);
      } catch (error) {
        const cause = (error as { cause?: Error }).cause ?? (error as Error);
        throw new CliError('UNREACHABLE', `cannot send to ${options.url}: ${cause.message}`, EXIT.usageOrFault, {
          cause: error,
        });
      }
      const answer = reply.body === '' ? null : parsedOrText(reply.body);
      if (options.json) process.stdout.write(`${JSON.stringify({ status: reply.status, body: answer })}\n`);
      else process.stdout.write(`${reply.status}${answer === null ? '' : ` ${JSON.stringify(answer)}`}\n`);
      if (reply.status < 200 || reply.status > 299) process.exitCode = EXIT.problemsFound;
    });
}

async function configuredSecret(): Promise<string> {
  const [{ loadConfig }, { ConfigError }] = await Promise.all([
    import('../../adapters/config/load-config'),
    import('../../adapters/config/config-error'),
  ]);
  try {
    const secret = loadConfig().XSOLLA_PROJECT_SECRET;
    if (secret === undefined) throw usageError('XSOLLA_PROJECT_SECRET is not set: set it, or pass --secret');
    return secret;
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError('INVALID_CONFIG', error.message);
    throw error;
  }
}

function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

interface BacklogReport {
  mirror: string;
  changes: number;
  users: number;
  oldest_change_at: string | null;
  leased: number;
  failing: { user_id: number; attempts: number; next_attempt_at: string | null; last_error: string }[];
}

function printBacklog(report: BacklogReport): void {
  const state = report.mirror === 'on' ? 'on' : 'off (XSOLLA_MERCHANT_ID, XSOLLA_PROJECT_ID, XSOLLA_API_KEY unset)';
  const oldest = report.oldest_change_at ? `, the oldest from ${report.oldest_change_at}` : '';
  process.stdout.write(
    `Balance mirror: ${state}\n` +
      `Changes waiting: ${report.changes} of ${report.users} user(s)${oldest}\n` +
      `Wallets held by a worker now: ${report.leased}\n`,
  );
  if (report.failing.length === 0) return;
  process.stdout.write('Failing wallets:\n');
  printTable(
    ['user_id', 'attempts', 'next_attempt_at', 'last_error'],
    report.failing.map((wallet) => [
      String(wallet.user_id),
      String(wallet.attempts),
      wallet.next_attempt_at ?? '',
      wallet.last_error,
    ]),
  );
}
