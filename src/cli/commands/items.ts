import { Command } from 'commander';
import type { RowIssue } from '../../application/import-items';
import { EXIT } from '../exit-codes';
import { fileFieldName } from '../items/file-field-name';
import { ITEM_FILE_HELP } from '../items/item-file-help';
import { itemRecord } from '../items/item-record';
import { printTable } from '../print-table';
import { withRuntime } from '../with-runtime';

const describeIssue = (issue: RowIssue) => ({ ...issue, field: fileFieldName(issue.field) });

export function registerItemsCommand(program: Command): void {
  const items = program.command('items').description('Manage the store catalogue');

  items
    .command('import <file>')
    .description('Upsert items by SKU from a JSON array or a CSV with a header row; any bad row imports nothing')
    .option('--json', 'print {"created", "updated"} or {"issues"} as JSON')
    .addHelpText('after', ITEM_FILE_HELP)
    .action(async (path: string, options: { json?: boolean }) => {
      // The readers and their schemas load with the command, not with every forte-cli start.
      const { readItemFile } = await import('../items/read-item-file');
      const file = await readItemFile(path);
      const result = await withRuntime((runtime) =>
        runtime.useCases.importItems.execute({ rows: file.rows, readIssues: file.issues }),
      );
      if (!result.ok) {
        const issues = result.failure.issues.map(describeIssue);
        if (options.json) process.stdout.write(`${JSON.stringify({ issues })}\n`);
        else {
          process.stderr.write(`Nothing imported: ${issues.length} problem(s) in ${path}\n`);
          for (const issue of issues) process.stderr.write(`  row ${issue.row}, ${issue.field}: ${issue.message}\n`);
        }
        process.exitCode = EXIT.problemsFound;
        return;
      }
      const { created, updated } = result.value;
      process.stdout.write(
        options.json
          ? `${JSON.stringify({ created, updated })}\n`
          : `Imported ${created.length + updated.length} item(s): ${created.length} created, ${updated.length} updated.\n`,
      );
    });

  items
    .command('list')
    .description('List the whole catalogue, unsellable items included')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      const list = (await withRuntime((runtime) => runtime.useCases.listItems.execute())).map(itemRecord);
      if (options.json) process.stdout.write(`${JSON.stringify(list)}\n`);
      else {
        printTable(
          ['id', 'sku', 'name', 'price', 'sellable', 'withdrawable', 'expires_after_days', 'max_per_user'],
          list.map((i) =>
            [
              i.id,
              i.sku,
              i.name,
              i.price,
              i.sellable,
              i.withdrawable,
              i.expires_after_days ?? '',
              i.max_per_user ?? '',
            ].map(String),
          ),
        );
      }
    });
}
