import { Readable } from 'node:stream';
import { AccessLogReport } from '../../src/adapters/log-analysis/access-log-report';
import { AnalysisFilters } from '../../src/adapters/log-analysis/access-log-analyser';
import { analyseAccessLogs, FormatChoice } from '../../src/adapters/log-analysis/log-analysis';
import { openLogInput } from '../../src/adapters/log-analysis/log-input';

/** Runs the `forte-cli logs` pipeline in-process on files. */
export async function analyseFiles(
  files: string[],
  choice: FormatChoice = {},
  filters: AnalysisFilters = {},
  top = 10,
): Promise<AccessLogReport> {
  return analyseAccessLogs(files, choice, filters, { top });
}

/** Runs it on log text given inline, read as standard input. */
export async function analyseText(
  text: string | Buffer,
  choice: FormatChoice = {},
  filters: AnalysisFilters = {},
  top = 10,
): Promise<AccessLogReport> {
  const open = (name: string) => openLogInput(name, Readable.from([Buffer.from(text)]));
  return analyseAccessLogs(['-'], choice, filters, { top, open });
}
