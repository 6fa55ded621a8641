import { Readable } from 'node:stream';
import { AccessLogReport } from '../../src/adapters/log-analysis/access-log-report';
import { AnalysisFilters } from '../../src/adapters/log-analysis/access-log-analyser';
import { analyseAccessLogs, FormatChoice } from '../../src/adapters/log-analysis/log-analysis';
import { openLogInput } from '../../src/adapters/log-analysis/log-input';

/** Runs the `forte-cli logs` pipeline in-process on files. */
export async function analyseFiles(files: string[], choice: FormatChoice = {}, filters: AnalysisFilters = {}, top = 10): Promise<AccessLogReport> {
  return analyseAccessLogs(files, choice, filters, { top });
}

/** Runs it on log text given inline, read as standard input. */
export async function analyseText(text: string | Buffer, choice: FormatChoice = {}, filters: AnalysisFilters = {}, top = 10): Promise<AccessLogReport> {
  const open = (name: string) => openLogInput(name, Readable.from([Buffer.from(text)]));
  return analyseAccessLogs(['-'], choice, filters, { top, open });
}

/** The general keys GoAccess and forte-cli both count. */
export const GOACCESS_GENERAL_KEYS = [
  'total_requests', 'valid_requests', 'failed_requests', 'unique_visitors', 'unique_files', 'unique_static_files',
  'unique_not_found', 'bandwidth',
] as const;

/** GoAccess's status panel groups codes by class; flattened to `{ "200": hits }`. */
export function goaccessStatusCodes(report: { status_codes: { data: { items: { data: string; hits: { count: number } }[] }[] } }): Record<string, number> {
  const codes: Record<string, number> = {};
  for (const group of report.status_codes.data) for (const item of group.items) codes[item.data.split(' ')[0]!] = item.hits.count;
  return codes;
}
