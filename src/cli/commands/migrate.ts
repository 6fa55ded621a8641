import { Command } from 'commander';
import type { Runtime } from '../../runtime';
import { UsageError } from '../usage-error';

type Action = 'latest' | 'rollback' | 'status';

async function run(runtime: Runtime, action: Action): Promise<object> {
  const migrations = runtime.migrations;
  if (action === 'latest') return { applied: await migrations.latest() };
  if (action === 'rollback') return { rolled_back: await migrations.rollback() };
  return migrations.status();
}

function describe(outcome: Record<string, string[]>): string {
  const sections = Object.entries(outcome).map(([label, names]) =>
    [`${label}:${names.length === 0 ? ' (none)' : ''}`, ...names.map((name) => `  ${name}`)].join('\n'),
  );
  return `${sections.join('\n')}\n`;
}

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply (latest), undo the last batch of (rollback), or list (status) the database migrations')
    .argument('[action]', 'latest | rollback | status', 'latest')
    .option('--json', 'print the outcome as JSON')
    .action(async (action: string, options: { json?: boolean }) => {
      if (action !== 'latest' && action !== 'rollback' && action !== 'status') {
        throw new UsageError(`unknown migrate action "${action}": use latest, rollback or status`);
      }
      const [{ loadConfig }, { openRuntime }] = await Promise.all([
        import('../../adapters/config/load-config'),
        import('../../runtime'),
      ]);
      const runtime = await openRuntime(loadConfig(), { migrations: 'leave' });
      try {
        const outcome = (await run(runtime, action)) as Record<string, string[]>;
        process.stdout.write(options.json ? `${JSON.stringify(outcome)}\n` : describe(outcome));
      } finally {
        await runtime.close();
      }
    });
}
