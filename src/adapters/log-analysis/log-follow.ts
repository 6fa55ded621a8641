import { setTimeout as sleep } from 'node:timers/promises';
import { AnalysisFilters } from './access-log-analyser';
import { AccessLogReport, ReportLimits } from './access-log-report';
import { ClosingDates } from './closing-dates';
import { FollowedFile } from './followed-file';
import { FormatChoice, LineFeed } from './line-feed';
import { InProcessSink } from './record-sink';

export interface FollowOptions {
  limits: ReportLimits;
  intervalMs: number;
  /** Days a date stays open for its visitors (see ClosingDates) before its state is dropped. */
  openDays: number;
  /** Called with the report after each round of reading, every `intervalMs`. */
  onReport: (report: AccessLogReport) => void | Promise<void>;
  /** Ends the following (after the round in progress). */
  signal: AbortSignal;
}

/**
 * `--follow`: reads growing files round after round, counting into one analyser, and hands over a report each
 * round. After each round, the dates every file has left `openDays` behind are closed (ClosingDates), so memory is
 * what the analyser holds for distinct keys and a few open dates, plus one read buffer and each file's partial last
 * line: it does not grow with the number of lines or days read, however long it runs.
 */
export async function followAccessLogs(
  names: readonly string[],
  choice: FormatChoice,
  filters: AnalysisFilters,
  options: FollowOptions,
): Promise<void> {
  const sink = new InProcessSink(filters);
  const feed = new LineFeed(choice, sink);
  const buffer = Buffer.allocUnsafe(1 << 20);
  const files = names.map((name) => new FollowedFile(name, feed, buffer));
  const closing = new ClosingDates(files.length, options.openDays);
  try {
    while (!options.signal.aborted) {
      for (const [index, file] of files.entries()) {
        await file.readNew();
        // Lines held back to detect the format are counted now, so that the file they came from is known.
        feed.settleFormat(false);
        closing.saw(index, sink.analyser.takeNewestDay());
      }
      const closable = closing.closable();
      if (closable !== null) sink.analyser.closeThrough(closable);
      await options.onReport(
        await sink.finish(
          feed.formatName,
          files.map((file) => ({ ...file.outcome })),
          options.limits,
        ),
      );
      await sleep(options.intervalMs, undefined, { signal: options.signal }).catch(() => undefined);
    }
  } finally {
    for (const file of files) await file.close();
  }
}
