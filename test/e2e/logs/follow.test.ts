import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runLogs } from '../../support/access-log-cli';
import { FORTE_CLI } from '../../support/forte-cli';
import { eventually } from '../../support/eventually';
import { FollowingRun, startFollowing } from '../../support/following-logs';

const LINES = readFileSync(join(__dirname, '../../fixtures/access-logs/combined-seed12.log'), 'utf8')
  .split('\n')
  .slice(0, 400);
const text = (from: number, to: number): string =>
  LINES.slice(from, to)
    .map((line) => `${line}\n`)
    .join('');

describe('forte-cli logs --follow', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forte-logs-follow-'));
  let run: FollowingRun | null = null;

  afterEach(async () => {
    await run?.stop();
    run = null;
  });

  const lastTotal = (): number | undefined => run!.reports().at(-1)?.general.total_requests;
  const totalBecomes = (n: number) => eventually(async () => lastTotal() === n, 10_000);

  it('reads lines appended after start, a line written in two parts, and the file again after rotation and truncation', async () => {
    const log = join(dir, 'access.log');
    writeFileSync(log, text(0, 100));
    run = startFollowing([log, '--interval', '0.2', '--json']);
    await totalBecomes(100);

    appendFileSync(log, text(100, 150) + LINES[150]!.slice(0, 40));
    await totalBecomes(150);
    appendFileSync(log, `${LINES[150]!.slice(40)}\n`);
    await totalBecomes(151);

    // Rotation by rename: the old file's last lines, then the new file from its start.
    appendFileSync(log, text(151, 160));
    renameSync(log, `${log}.1`);
    writeFileSync(log, text(160, 200));
    await totalBecomes(200);
    // Cut shorter in place (copytruncate): read again from its start.
    writeFileSync(log, text(200, 210));
    await totalBecomes(210);

    const report = run.reports().at(-1)!;
    expect(report.general.failed_requests).toBe(0);
    expect(report.format).toBe('combined');
    expect(await run.stop()).toBe(0);
    run = null;
  });

  it('says a file is not there yet while it waits for it, then reads it once it comes', async () => {
    const log = join(dir, 'coming.log');
    run = startFollowing([log, '--interval', '0.2', '--json']);
    await eventually(async () => run!.reports().length > 0, 10_000);
    expect(run.reports().at(-1)!.inputs).toEqual([{ name: log, lines: 0, error: 'no such file yet: waiting for it' }]);
    writeFileSync(log, text(0, 20));
    await totalBecomes(20);
    expect(run.reports().at(-1)!.inputs).toEqual([{ name: log, lines: 20 }]);
  });

  it('goes on counting when --html cannot be rewritten for a while, and says so on standard error', async () => {
    const log = join(dir, 'html-gone.log');
    const folder = join(dir, 'html-gone');
    const html = join(folder, 'live.html');
    mkdirSync(folder);
    writeFileSync(log, text(0, 30));
    run = startFollowing([log, '--interval', '0.2', '--html', html, '--json']);
    await eventually(async () => existsSync(html), 10_000);

    rmSync(folder, { recursive: true });
    appendFileSync(log, text(30, 60));
    await totalBecomes(60);
    await eventually(async () => run!.stderr().includes('could not rewrite the HTML report'), 10_000);
    mkdirSync(folder);
    await eventually(async () => existsSync(html) && readFileSync(html, 'utf8').includes('</html>'), 10_000);
    await eventually(async () => run!.stderr().includes('is written again'), 10_000);
    expect(run.stderr().match(/could not rewrite/g)).toHaveLength(1);
    expect(await run.stop()).toBe(0);
    run = null;
  });

  it('ends quietly with exit 0 when the reader of its output goes away (--json | head -1)', async () => {
    const log = join(dir, 'piped.log');
    writeFileSync(log, text(0, 10));
    const child = spawn(process.execPath, [FORTE_CLI, 'logs', log, '--follow', '--interval', '0.1', '--json']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await once(child.stdout, 'data');
    child.stdout.destroy();
    const [code] = (await once(child, 'close')) as [number | null];
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('ends with exit 2 and the reason when its output cannot be written (a full disk)', async () => {
    const log = join(dir, 'full.log');
    writeFileSync(log, text(0, 10));
    const full = openSync('/dev/full', 'w');
    const child = spawn(process.execPath, [FORTE_CLI, 'logs', log, '--follow', '--interval', '0.1', '--json'], {
      stdio: ['ignore', full, 'pipe'],
    });
    closeSync(full);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'close')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toMatch(/^forte-cli: could not write to standard output: ENOSPC[^\n]*\n$/);
  });

  it('refuses a gzip-compressed file given to follow, with exit 2', () => {
    const gz = join(dir, 'rotated.log.1.gz');
    writeFileSync(gz, gzipSync(text(0, 10)));
    const outcome = runLogs([gz, '--follow']);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain(`${gz} is gzip-compressed: --follow reads plain text as it grows`);
  });

  it('reads no lines from a gzip-compressed file that comes under a followed name, and says so', async () => {
    const log = join(dir, 'later.log');
    run = startFollowing([log, '--interval', '0.2', '--json']);
    await eventually(async () => run!.reports().length > 0, 10_000);
    writeFileSync(`${log}.tmp`, gzipSync(text(0, 10)));
    renameSync(`${log}.tmp`, log);
    await eventually(
      async () => run!.reports().at(-1)!.inputs[0]!.error?.startsWith('gzip-compressed') === true,
      10_000,
    );
    expect(run.reports().at(-1)!.general).toMatchObject({ total_requests: 0, failed_requests: 0 });
    // A plain file under the name again (a new inode) is read.
    writeFileSync(`${log}.tmp`, text(0, 15));
    renameSync(`${log}.tmp`, log);
    await totalBecomes(15);
    expect(run.reports().at(-1)!.inputs).toEqual([{ name: log, lines: 15 }]);
  });

  describe('closing dates', () => {
    const onDate = (lines: string, date: string): string => lines.replace(/\[\d\d\/Nov\/2026/g, `[${date}`);
    /** A log of 1 and 5 November, followed; then a line of 1 November appended. */
    async function lateLine(args: string[]): Promise<FollowingRun> {
      const log = join(dir, `closing-${args.join('')}.log`);
      writeFileSync(log, onDate(text(0, 50), '01/Nov/2026') + onDate(text(50, 100), '05/Nov/2026'));
      run = startFollowing([log, '--interval', '0.2', ...args]);
      await eventually(async () => run!.stdout().length > 0, 10_000);
      appendFileSync(log, onDate(text(0, 1), '01/Nov/2026'));
      return run;
    }

    it('count a line of a date closed --open-days (default 2) after it without its visitor, and say so', async () => {
      await lateLine(['--json']);
      await totalBecomes(101);
      const [first, last] = [run!.reports()[0]!, run!.reports().at(-1)!];
      expect(last.general.late_lines).toBe(1);
      expect(last.general.unique_visitors).toBe(first.general.unique_visitors);
      expect(last.hits_per_day.find((day) => day.date === '2026-11-01')!.hits).toBe(51);
    });

    it('keep a date open for as many days as --open-days says', async () => {
      await lateLine(['--json', '--open-days', '5']);
      await totalBecomes(101);
      expect(run!.reports().at(-1)!.general.late_lines).toBe(0);
    });

    it('warn of late lines in the terminal report', async () => {
      await lateLine([]);
      await eventually(async () => /late lines: 1 \(of dates --follow had closed/.test(run!.stdout()), 10_000);
    });
  });

  it.each([['0'], ['-1'], ['abc'], [''], ['86401'], ['3000000']])('refuses --interval %p with exit 2', (interval) => {
    const outcome = runLogs([join(dir, 'none.log'), '--follow', '--interval', interval]);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toMatch(/--interval/);
  });

  it.each([['0'], ['-1'], ['1.5'], ['two'], ['36501'], ['1e12']])('refuses --open-days %p with exit 2', (days) => {
    const outcome = runLogs([join(dir, 'none.log'), '--follow', '--open-days', days]);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toMatch(/--open-days/);
  });

  it('refuses --open-days without --follow, where every date stays open, with exit 2', () => {
    const log = join(dir, 'one-shot.log');
    writeFileSync(log, text(0, 10));
    const outcome = runLogs([log, '--open-days', '3']);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toMatch(/--open-days is for --follow/);
    expect(outcome.stdout).toBe('');
  });

  it('refuses to follow standard input, and outputs that are not live, with exit 2', () => {
    const stdin = runLogs(['--follow', '-'], 'x\n');
    expect(stdin.status).toBe(2);
    expect(stdin.stderr).toMatch(/standard input cannot be followed/);
    const csv = runLogs([join(dir, 'none.log'), '--follow', '--csv']);
    expect(csv.status).toBe(2);
    expect(csv.stderr).toMatch(/not --csv/);
  });
});
