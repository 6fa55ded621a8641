import { DAY_MS } from '../../domain/duration';
import { dateKeyOfDay } from './civil-time';

/**
 * When `--follow` may close a date (AccessLogAnalyser.closeThrough): once every followed file that has given a
 * line has given one `openDays` days or more after it. A log's lines come in the order of their times, give or
 * take some seconds where its writers overlap, so a line of a closed date is rare; waiting for every file lets two
 * logs of the same days, one read to its end before the other, be counted exactly. A line dated after tomorrow (by
 * the clock, whatever the log's offset) cannot be a live log's: it is counted, but closes nothing, so one wrong
 * date cannot close the days still being written.
 */
export class ClosingDates {
  /** Per file, the newest day (since the epoch) of its lines so far; -Infinity before its first. */
  private readonly newest: number[];

  constructor(
    files: number,
    private readonly openDays: number,
    private readonly now: () => number = Date.now,
  ) {
    this.newest = new Array<number>(files).fill(-Infinity);
  }

  /** File `file` gave lines up to `day` (-Infinity: none) since the last call. */
  saw(file: number, day: number): void {
    if (day > Math.floor(this.now() / DAY_MS) + 1) return;
    this.newest[file] = Math.max(this.newest[file]!, day);
  }

  /** The last date (YYYYMMDD) that may be closed now; null while no file has given a line. */
  closable(): number | null {
    const started = this.newest.filter((day) => day > -Infinity);
    return started.length ? dateKeyOfDay(Math.min(...started) - this.openDays) : null;
  }
}
