import type { ReconciliationReport } from '../../application/reconcile-xsolla';
import type { RepairOutcome } from '../../application/repair-discrepancies';
import { DISCREPANCY_CATEGORIES, Discrepancy } from '../../domain/reconciliation';
import { printTable } from '../print-table';

export const REPORT_FORMATS = ['table', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Rows a table shows at most; json and csv list them all. */
const TABLE_ROWS = 1000;

const COLUMNS = [
  'category',
  'transaction_id',
  'user_id',
  'xsolla_status',
  'forte_status',
  'xsolla_points',
  'forte_points',
  'xsolla_amount',
  'forte_amount',
  'xsolla_balance',
  'forte_balance',
  'points',
  'repair',
  'outcome',
  'note',
] as const;

type Row = Record<(typeof COLUMNS)[number], string | number | null>;

const money = (payment: { amount: string; currency: string } | null): string | null =>
  payment ? `${payment.amount} ${payment.currency}` : null;

function rowOf(discrepancy: Discrepancy, repair: RepairOutcome | undefined): Row {
  const { xsolla, forte } = discrepancy;
  return {
    category: discrepancy.category,
    transaction_id: discrepancy.transactionId,
    user_id: discrepancy.userId,
    xsolla_status: xsolla.status,
    forte_status: forte.status,
    xsolla_points: xsolla.points,
    forte_points: forte.points,
    xsolla_amount: money(xsolla.payment),
    forte_amount: money(forte.payment),
    xsolla_balance: xsolla.balance ?? null,
    forte_balance: forte.balance ?? null,
    points: discrepancy.points,
    repair: discrepancy.repair ?? 'needs_human',
    outcome: repair ? `${repair.outcome}: ${repair.detail}` : null,
    note: discrepancy.note,
  };
}

/** Each discrepancy as a row, with what its repair came to (under `--apply`). */
function rowsOf(report: ReconciliationReport): Row[] {
  const repairs = new Map(report.repairs.map((repair) => [repair.discrepancy, repair]));
  return report.discrepancies.map((discrepancy) => rowOf(discrepancy, repairs.get(discrepancy)));
}

/** The report as `--format json` prints it. */
export function wireReport(report: ReconciliationReport) {
  const repairs = new Map(report.repairs.map((repair) => [repair.discrepancy, repair]));
  return {
    ok: report.mismatches === 0,
    run_id: report.runId,
    from: report.days.from,
    to: report.days.to,
    source: report.source,
    applied: report.applied,
    checked: {
      xsolla_transactions: report.checked.xsollaTransactions,
      forte_transactions: report.checked.forteTransactions,
      balances: report.checked.balances,
      outside_window: report.checked.outsideWindow,
      pending_sync: report.checked.pendingSync,
    },
    mismatches: report.mismatches,
    categories: report.categories,
    discrepancies: rowsOf(report),
    repairs: report.repairs.map((repair) => ({
      category: repair.discrepancy.category,
      transaction_id: repair.discrepancy.transactionId,
      user_id: repair.discrepancy.userId,
      outcome: repair.outcome,
      detail: repair.detail,
    })),
    needs_human: report.needsHuman.map((discrepancy) => rowOf(discrepancy, repairs.get(discrepancy))),
  };
}

const csvCell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function printReport(report: ReconciliationReport, format: ReportFormat): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(wireReport(report))}\n`);
    return;
  }
  if (format === 'csv') {
    const lines = [COLUMNS.join(','), ...rowsOf(report).map((row) => COLUMNS.map((c) => csvCell(row[c])).join(','))];
    process.stdout.write(`${lines.join('\n')}\n`);
    return;
  }
  printTables(report);
}

function printTables(report: ReconciliationReport): void {
  const { checked } = report;
  const out = (line: string): boolean => process.stdout.write(`${line}\n`);
  out(
    `Reconciliation run ${report.runId}, ${report.days.from}..${report.days.to}, source ${report.source}` +
      `${report.applied ? ', applied' : ' (dry run)'}: ${checked.xsollaTransactions} Xsolla transactions, ` +
      `${checked.forteTransactions} of Forte's, ${checked.balances} balances compared.`,
  );
  if (checked.outsideWindow > 0)
    out(`${checked.outsideWindow} row(s) of the source fall outside the window: left out.`);
  if (checked.pendingSync > 0) out(`${checked.pendingSync} wallet(s) still being mirrored: not compared.`);
  printTable(
    ['category', 'count', 'points', 'amounts'],
    DISCREPANCY_CATEGORIES.map((category) => {
      const entry = report.categories[category];
      const amounts = Object.entries(entry.amounts).map(([currency, amount]) => `${amount} ${currency}`);
      return [category, String(entry.count), String(entry.points), amounts.join(', ')];
    }),
  );
  if (report.mismatches === 0) {
    out('Forte and Xsolla agree.');
    return;
  }
  const rows = rowsOf(report);
  const shown = [
    'category',
    'transaction_id',
    'user_id',
    'xsolla_status',
    'forte_status',
    'points',
    'repair',
    'note',
  ] as const;
  printTable(
    [...shown, ...(report.applied ? ['outcome'] : [])],
    rows
      .slice(0, TABLE_ROWS)
      .map((row) => [...shown, ...(report.applied ? (['outcome'] as const) : [])].map((c) => String(row[c] ?? ''))),
  );
  if (rows.length > TABLE_ROWS) out(`(the first ${TABLE_ROWS} of ${rows.length}; --format csv lists them all)`);
  const fixable = report.discrepancies.length - report.needsHuman.length;
  if (!report.applied && fixable > 0) out(`${fixable} can be repaired: run again with --apply.`);
  if (report.needsHuman.length > 0)
    out(`${report.needsHuman.length} need(s) a human (repair "needs_human", or refused).`);
}
