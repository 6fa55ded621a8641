import { Command, Option } from 'commander';
import type { BalanceScope, ReconciliationReport } from '../../application/reconcile-xsolla';
import { ReconciliationInputError } from '../../application/ports/reported-transaction-source';
import { CliError } from '../cli-error';
import { EXIT } from '../exit-codes';
import { progressBar } from '../progress-bar';
import { printReport, REPORT_FORMATS, ReportFormat } from '../reconcile/reconciliation-output';
import { withRuntime } from '../with-runtime';

interface ReconcileOptions {
  from: string;
  to: string;
  source: string;
  balances?: 'involved' | 'all' | true;
  apply?: boolean;
  dryRun?: boolean;
  format: ReportFormat;
  json?: boolean;
}

/** Problems left after the run: every mismatch of a dry run; under --apply, those no repair took care of. */
const unresolved = (report: ReconciliationReport): number =>
  report.applied ? report.needsHuman.length : report.mismatches;

export function registerReconcileCommand(program: Command): void {
  program
    .command('reconcile')
    .description(
      "Match Xsolla's transactions (its transactions search API, or an export file) with Forte's by transaction id, " +
        "and Xsolla's wallets with Forte's balances; report missing_in_forte, missing_in_xsolla, amount_mismatch, " +
        'status_mismatch and balance_drift; --apply repairs what the webhooks would have done',
    )
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD (UTC)')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD (UTC), included')
    .option('--source <source>', 'api, or an export: FILE.json (the search API answer) or FILE.csv', 'api')
    .addOption(
      new Option(
        '--balances [scope]',
        "compare Xsolla's wallets with Forte's balances (default with --source api)",
      ).choices(['involved', 'all']),
    )
    .option('--apply', 'repair what is safe (credit missed payments, reverse missed refunds, re-queue wallets)')
    .option('--dry-run', 'report only (the default)')
    .addOption(new Option('--format <format>', 'output').choices(REPORT_FORMATS).default('table'))
    .option('--json', 'the same as --format json')
    .addHelpText(
      'after',
      '\nExit 0 when Forte and Xsolla agree (under --apply: when everything found was repaired), 1 when something ' +
        'mismatches or needs a human, 2 on bad input or a fault (nothing is applied then).\n' +
        'A CSV export has a header row naming the JSON fields by their dotted paths, e.g. transaction.id,' +
        'transaction.payment_date,user.id,purchase.virtual_currency.amount,payment_details.payment.amount,' +
        'payment_details.payment.currency,transaction.status\n',
    )
    .action(async (options: ReconcileOptions) => {
      if (options.apply && options.dryRun) throw new CliError('BAD_USAGE', '--apply and --dry-run exclude each other');
      const format: ReportFormat = options.json ? 'json' : options.format;
      const fromApi = options.source === 'api';
      const balances: BalanceScope =
        options.balances === undefined
          ? fromApi
            ? 'involved'
            : 'none'
          : options.balances === 'all'
            ? 'all'
            : 'involved';
      const bar = progressBar('reconcile');
      const report = await withRuntime(async (runtime) => {
        const sources = runtime.reconciliationSources;
        try {
          return await runtime.useCases.reconcileXsolla.execute({
            from: options.from,
            to: options.to,
            source: fromApi ? sources.api() : sources.file(options.source),
            balances,
            apply: options.apply === true,
            progress: (done, total) => bar.update(done, total),
          });
        } catch (error) {
          if (error instanceof ReconciliationInputError) throw new CliError(error.code, error.message);
          throw error;
        }
      }).finally(() => bar.stop());
      printReport(report, format);
      process.exitCode = unresolved(report) > 0 ? EXIT.problemsFound : EXIT.ok;
    });
}
