import { appendFileSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLogs } from '../../support/access-log-cli';
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

  it.each([['0'], ['-1'], ['abc'], ['']])('refuses --interval %p with exit 2', (interval) => {
    const outcome = runLogs([join(dir, 'none.log'), '--follow', '--interval', interval]);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toMatch(/--interval/);
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
