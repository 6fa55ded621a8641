import { Command } from 'commander';
import type { Runtime } from '../../runtime';
import { usageError } from '../cli-error';
import { confirmDestruction } from '../confirm-destruction';
import { withRuntime } from '../with-runtime';

type Action = 'latest' | 'rollback' | 'status';

async function run(runtime: Runtime, action: Action, options: { yes?: boolean }): Promise<Record<string, string[]>> {
  const migrations = runtime.migrations;
  if (action === 'latest') return { applied: await migrations.latest() };
  const { applied, pending, lastBatch } = await migrations.status();
  if (action === 'status') return { applied, pending };
  if (lastBatch.length > 0) {
    // Forte's migrations create tables: undoing them drops the tables with every row in them.
    const undone = `migrate rollback would undo ${lastBatch.length} migration(s), ${lastBatch.join(', ')}`;
    await confirmDestruction(`${undone}, dropping what they created and every row in it`, options);
  }
  return { rolled_back: await migrations.rollback() };
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
    .option('--yes', 'roll back without asking (required when not on a terminal): it drops tables and their data')
    .action(async (action: string, options: { json?: boolean; yes?: boolean }) => {
      if (action !== 'latest' && action !== 'rollback' && action !== 'status') {
        throw usageError(`unknown migrate action "${action}": use latest, rollback or status`);
      }
      const outcome = await withRuntime((runtime) => run(runtime, action, options), 'leave');
      process.stdout.write(options.json ? `${JSON.stringify(outcome)}\n` : describe(outcome));
    });
}
