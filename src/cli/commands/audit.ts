import { Command } from 'commander';
import type { AuditReport } from '../../application/audit-ledger';
import { Violation } from '../../domain/ledger-invariants';
import { EXIT } from '../exit-codes';
import { printTable } from '../print-table';
import { progressBar } from '../progress-bar';
import { withRuntime } from '../with-runtime';

const wireViolation = (violation: Violation) => ({
  invariant: violation.invariant,
  user_id: violation.userId,
  ...(violation.receiptId === undefined ? {} : { receipt_id: violation.receiptId }),
  ...(violation.userItemId === undefined ? {} : { user_item_id: violation.userItemId }),
  details: violation.details,
});

const wireReport = (report: AuditReport) => ({
  ok: report.ok,
  checked: { users: report.checked.users, receipts: report.checked.receipts, user_items: report.checked.userItems },
  found: report.found,
  violations: report.violations.map(wireViolation),
});

function printReport(report: AuditReport): void {
  const { users, receipts, userItems } = report.checked;
  process.stdout.write(`Checked ${users} users, ${receipts} receipts and ${userItems} user items.\n`);
  if (report.ok) {
    process.stdout.write('Every invariant holds.\n');
    return;
  }
  const listed = report.violations.length < report.found ? ` (the first ${report.violations.length} listed)` : '';
  process.stdout.write(`${report.found} violation(s)${listed}:\n`);
  printTable(
    ['invariant', 'user', 'receipt', 'user item', 'details'],
    report.violations.map((violation) => [
      violation.invariant,
      String(violation.userId),
      String(violation.receiptId ?? ''),
      String(violation.userItemId ?? ''),
      JSON.stringify(violation.details),
    ]),
  );
}

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description(
      "Check the ledger's invariants over the whole database: balances are the sums of their receipts, no balance " +
        'below zero but flagged debts, every receipt chains on from the one before, every user item is tied to its ' +
        'receipt. Exit 0 when all hold, 1 with the offending users and receipts',
    )
    .option(
      '--json',
      'print {"ok", "checked", "found", "violations": [{"invariant", "user_id", "receipt_id"?, "details"}]}',
    )
    .action(async (options: { json?: boolean }) => {
      const bar = progressBar('audit');
      const report = await withRuntime((runtime) =>
        runtime.useCases.auditLedger.execute((checked, totals) =>
          bar.update(checked.users + checked.userItems, totals.users + totals.userItems),
        ),
      ).finally(() => bar.stop());
      if (options.json) process.stdout.write(`${JSON.stringify(wireReport(report))}\n`);
      else printReport(report);
      process.exitCode = report.ok ? EXIT.ok : EXIT.problemsFound;
    });
}
