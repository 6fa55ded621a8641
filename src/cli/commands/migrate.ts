import { Command } from 'commander';
import type { Runtime } from '../../runtime';
import { usageError } from '../cli-error';
import { withRuntime } from '../with-runtime';

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
        throw usageError(`unknown migrate action "${action}": use latest, rollback or status`);
      }
      const outcome = (await withRuntime((runtime) => run(runtime, action), 'leave')) as Record<string, string[]>;
      process.stdout.write(options.json ? `${JSON.stringify(outcome)}\n` : describe(outcome));
    });
}
