import { AnalysisFilters } from '../../adapters/log-analysis/access-log-analyser';
import { AccessLogReport } from '../../adapters/log-analysis/access-log-report';
import { FormatChoice } from '../../adapters/log-analysis/line-feed';
import { followAccessLogs } from '../../adapters/log-analysis/log-follow';
import { isGzipped } from '../../adapters/log-analysis/log-input';
import { EXIT } from '../exit-codes';
import { writeFileAtomically } from './atomic-write';
import { renderHtml } from './html-output';
import { renderTerminal } from './terminal-output';

export interface FollowRequest {
  files: string[];
  choice: FormatChoice;
  filters: AnalysisFilters;
  top: number;
  intervalSeconds: number;
  /** Days after which a date is closed (see ClosingDates). */
  openDays: number;
  html?: string;
  json?: boolean;
  /** Outputs that make no sense live (`--csv`, `--goaccess-json`), by their option names. */
  staticOutputs: string[];
}

const CLEAR_SCREEN = '\x1b[2J\x1b[H';

/**
 * `--follow`: keeps reading the files as they grow and across rotation, and every interval redraws the terminal
 * report, or rewrites `--html` (atomically; the page reloads itself), or prints one JSON line (`--json`), until
 * SIGINT or SIGTERM.
 */
export async function runFollow(request: FollowRequest): Promise<number> {
  const fault = followFault(request) ?? (await compressedInput(request.files));
  if (fault) {
    process.stderr.write(`forte-cli logs: ${fault}\n`);
    return EXIT.usageOrFault;
  }
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Standard output that cannot be written ends the run: quietly when its reader went away (`--json | head -1`),
  // as tail -f's would end; with the reason and exit 2 otherwise (guardStandardOutput, which stays attached after).
  process.stdout.once('error', onSignal);
  const rewriteHtml = request.html ? htmlRewriter(request.html, request.intervalSeconds) : null;
  const show = (report: AccessLogReport): void => {
    rewriteHtml?.(report);
    if (request.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else if (!request.html) {
      const tty = process.stdout.isTTY === true;
      process.stdout.write(`${tty ? CLEAR_SCREEN : ''}${renderTerminal(report, tty)}`);
    }
  };
  try {
    await followAccessLogs(request.files, request.choice, request.filters, {
      limits: { top: request.top, panelRows: request.top },
      intervalMs: request.intervalSeconds * 1000,
      openDays: request.openDays,
      onReport: show,
      signal: stop.signal,
    });
  } catch (error) {
    process.stderr.write(`forte-cli logs: ${(error as Error).message}\n`);
    return EXIT.usageOrFault;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return EXIT.ok;
}

function followFault(request: FollowRequest): string | null {
  if (!request.files.length || request.files.includes('-'))
    return '--follow reads files as they grow: give log files (standard input cannot be followed)';
  if (request.staticOutputs.length)
    return `--follow redraws the terminal report, --html or --json: not ${request.staticOutputs.join(', ')}`;
  return null;
}

/**
 * Rewrites `--html` each interval. A write that fails (the folder removed, the disk full) does not end the run and
 * lose what it counted: it is told on standard error once, the next intervals try again, and a write that works
 * again is told too.
 */
function htmlRewriter(file: string, refreshSeconds: number): (report: AccessLogReport) => void {
  let failing = false;
  return (report) => {
    try {
      writeFileAtomically(file, renderHtml(report, { refreshSeconds }));
      if (failing) process.stderr.write(`forte-cli logs: the HTML report ${file} is written again\n`);
      failing = false;
    } catch (error) {
      if (!failing)
        process.stderr.write(
          `forte-cli logs: could not rewrite the HTML report ${file} (${(error as Error).message}); ` +
            'counting goes on and each interval tries again\n',
        );
      failing = true;
    }
  };
}

/** A file given that is gzip-compressed (a rotated log, say): its bytes are not lines, and it does not grow. */
async function compressedInput(files: string[]): Promise<string | null> {
  for (const file of files)
    if (await isGzipped(file).catch(() => false))
      return `${file} is gzip-compressed: --follow reads plain text as it grows (read it without --follow)`;
  return null;
}
