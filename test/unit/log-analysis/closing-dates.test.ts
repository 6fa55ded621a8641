import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAccessLog } from '../../../bench/access-log-generator';
import { AccessLogReport } from '../../../src/adapters/log-analysis/access-log-report';
import { ClosingDates } from '../../../src/adapters/log-analysis/closing-dates';
import { analyseAccessLogs } from '../../../src/adapters/log-analysis/log-analysis';
import { followAccessLogs } from '../../../src/adapters/log-analysis/log-follow';

const DAY = 86_400;
const dayOf = (year: number, month: number, date: number): number => Date.UTC(year, month - 1, date) / 1000 / DAY;
/** A clock in 2030, after every date these tests' logs hold. */
const in2030 = (): number => Date.UTC(2030, 0, 1);

describe('ClosingDates', () => {
  it('closes nothing before a file has given a line, then up to openDays before the newest day', () => {
    const closing = new ClosingDates(1, 2, in2030);
    expect(closing.closable()).toBeNull();
    closing.saw(0, -Infinity);
    expect(closing.closable()).toBeNull();
    closing.saw(0, dayOf(2026, 12, 2));
    expect(closing.closable()).toBe(20261130);
    // A file's newest day never goes back, whatever came last.
    closing.saw(0, dayOf(2026, 11, 1));
    expect(closing.closable()).toBe(20261130);
  });

  it('takes no step from a line dated after tomorrow, which no live log can hold', () => {
    const today = dayOf(2026, 12, 3);
    const closing = new ClosingDates(1, 2, () => today * DAY * 1000 + 3_600_000);
    closing.saw(0, dayOf(2099, 1, 1));
    expect(closing.closable()).toBeNull();
    closing.saw(0, today + 1);
    expect(closing.closable()).toBe(20261202);
    closing.saw(0, today + 2);
    expect(closing.closable()).toBe(20261202);
  });

  it('waits for the file that is furthest behind, once it has given a line', () => {
    const closing = new ClosingDates(3, 1, in2030);
    closing.saw(0, dayOf(2027, 1, 10));
    closing.saw(1, dayOf(2027, 1, 3));
    expect(closing.closable()).toBe(20270102);
    closing.saw(1, dayOf(2027, 1, 9));
    closing.saw(2, dayOf(2027, 1, 1));
    expect(closing.closable()).toBe(20261231);
  });
});

/** A log's lines by their date, in order: the generator's lines come in the order of their times. */
function linesByDate(count: number): string[][] {
  const days: string[][] = [];
  let last = '';
  for (const line of generateAccessLog(count, { seed: 21 })) {
    const date = /\[(\d\d\/\w+\/\d{4})/.exec(line)![1]!;
    if (date !== last) days.push([]);
    last = date;
    days.at(-1)!.push(line);
  }
  return days;
}

const withoutInputs = ({ inputs: _inputs, ...report }: AccessLogReport): Omit<AccessLogReport, 'inputs'> => report;

describe('--follow closing dates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forte-closing-'));
  const days = linesByDate(8_000);

  /**
   * Follows a file to which `days` are appended one a round, then `after` lines; the report of each round after the
   * first.
   */
  async function follow(log: string, openDays: number, after: string[]): Promise<AccessLogReport[]> {
    writeFileSync(log, '');
    const rounds = [...days.map((lines) => lines.join('\n') + '\n'), ...after.map((line) => `${line}\n`)];
    const reports: AccessLogReport[] = [];
    const stop = new AbortController();
    await followAccessLogs(
      [log],
      {},
      {},
      {
        limits: { top: 10, panelRows: 366 },
        intervalMs: 0,
        openDays,
        signal: stop.signal,
        onReport: (report) => {
          if (report.general.total_requests) reports.push(report);
          const next = rounds.shift();
          if (next === undefined) stop.abort();
          else appendFileSync(log, next);
        },
      },
    );
    return reports;
  }

  it('counts a log whose lines come in order exactly as a one-shot run, every panel and visitor', async () => {
    expect(days).toHaveLength(6);
    const log = join(dir, 'in-order.log');
    const reports = await follow(log, 1, []);
    const oneShot = await analyseAccessLogs([log], {}, {}, { top: 10, panelRows: 366 });
    expect(reports).toHaveLength(days.length);
    expect(withoutInputs(reports.at(-1)!)).toEqual(withoutInputs(oneShot));
    expect(oneShot.general.late_lines).toBe(0);
  });

  it('closes nothing when the dates to close are out of range (a day count too large for a date)', async () => {
    const log = join(dir, 'out-of-range.log');
    const reports = await follow(log, 1e12, [days[0]![0]!]);
    const oneShot = await analyseAccessLogs([log], {}, {}, { top: 10, panelRows: 366 });
    expect(reports.at(-1)!.general.late_lines).toBe(0);
    expect(withoutInputs(reports.at(-1)!)).toEqual(withoutInputs(oneShot));
  });

  it('counts a line of a closed date in its hits and bytes, not in its visitors, and says so', async () => {
    const first = days[0]![0]!;
    const reports = await follow(join(dir, 'late.log'), 1, [first]);
    const [before, after] = reports.slice(-2) as [AccessLogReport, AccessLogReport];
    expect(after.general.late_lines).toBe(1);
    expect(after.general.total_requests).toBe(before.general.total_requests + 1);
    expect(after.general.unique_visitors).toBe(before.general.unique_visitors);
    expect(after.hits_per_day[0]!.hits).toBe(before.hits_per_day[0]!.hits + 1);
    expect(after.hits_per_day[0]!.visitors).toBe(before.hits_per_day[0]!.visitors);
    expect(before.general.late_lines).toBe(0);
  });

  it('keeps a date open for openDays after it: a line of the day before the newest is not late', async () => {
    const yesterday = days.at(-2)![0]!;
    const reports = await follow(join(dir, 'open.log'), 2, [yesterday]);
    const [before, after] = reports.slice(-2) as [AccessLogReport, AccessLogReport];
    expect(after.general.late_lines).toBe(0);
    expect(after.general.total_requests).toBe(before.general.total_requests + 1);
  });
});
