import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { accessLogChunks } from './access-log-generator';
import { FORTE_CLI } from './goaccess';

/**
 * `make bench-follow`: the memory of `forte-cli logs --follow` over a long run. A week of a busy API (LINES lines,
 * up to eight days of dates) is appended ROUNDS times to the followed file, each round two weeks after the last:
 * the same URLs, hosts and agents on new dates, as a service's log goes on, the last round ending before today.
 * After each round is counted, the follower's resident memory is read (/proc/PID/status). Prints the lines counted
 * and the memory after each round, what a round adds (a least-squares slope) from the second round on and over the
 * second half of the rounds (once the allocator has settled), and whether the last live report is the one-shot report of the same file (closing
 * dates must not change a count). Exits 1 when they differ.
 * usage: node dist/bench/follow-memory.js [LINES] [ROUNDS]
 */
const FORTNIGHT_MS = 14 * 24 * 3600_000;

async function main(): Promise<void> {
  const lines = Number(process.argv[2] ?? 200_000);
  const rounds = Number(process.argv[3] ?? 16);
  const dir = mkdtempSync(join(tmpdir(), 'forte-follow-'));
  const log = join(dir, 'access.log');
  try {
    const { samples, lastReport } = await followRounds(log, lines, rounds);
    const growth = (from: number, label: string): void => {
      const perRound = slope(samples.slice(from));
      process.stdout.write(
        `${label}: ${mb(perRound)} a round of ${lines.toLocaleString('en-US')} lines on new dates ` +
          `(${((perRound * 1024) / lines).toFixed(1)} bytes a line)\n`,
      );
    };
    if (samples.length > 2) growth(1, 'from the second round on');
    if (samples.length > 3) growth(Math.floor(samples.length / 2), 'over the second half');
    const oneShot = spawnSync(process.execPath, [FORTE_CLI, 'logs', log, '--json'], { maxBuffer: 1 << 28 });
    const same = sameCounts(lastReport, oneShot.stdout.toString());
    process.stdout.write(`the last live report is the one-shot report of the file: ${same ? 'yes' : 'NO'}\n`);
    if (!same) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const mb = (kb: number): string => `${(kb / 1024).toFixed(1)} MB`;

/** Follows `log` while `rounds` weeks are appended to it: the follower's RSS (kB) after each, and its last report. */
async function followRounds(
  log: string,
  lines: number,
  rounds: number,
): Promise<{ samples: number[]; lastReport: string }> {
  writeFileSync(log, '');
  const follower = spawn(process.execPath, [FORTE_CLI, 'logs', log, '--follow', '--interval', '1', '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const counted = countedLines(follower.stdout, follower);
  const rss = (): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${follower.pid}/status`, 'utf8'))![1]);
  process.stdout.write(`${'round'.padEnd(8)}${'lines counted'.padStart(16)}${'RSS'.padStart(12)}\n`);
  const samples: number[] = [];
  const firstRound = Math.floor(Date.now() / FORTNIGHT_MS) * FORTNIGHT_MS - (rounds + 1) * FORTNIGHT_MS;
  try {
    for (let round = 0; round < rounds; round++) {
      // The last round ends before today: --follow takes a line dated after tomorrow for a wrong date.
      const start = new Date(firstRound + round * FORTNIGHT_MS);
      for (const chunk of accessLogChunks(lines, { seed: 7, start })) appendFileSync(log, chunk);
      await counted.reach((round + 1) * lines);
      samples.push(rss());
      const text = `${(round + 1) * lines}`.replace(/\B(?=(\d{3})+$)/g, ',');
      process.stdout.write(`${String(round + 1).padEnd(8)}${text.padStart(16)}${mb(samples.at(-1)!).padStart(12)}\n`);
    }
    return { samples, lastReport: counted.last() };
  } finally {
    follower.kill('SIGTERM');
  }
}

/** The least-squares slope of values taken at steps 0, 1, 2…: what each step adds, through the noise. */
function slope(values: number[]): number {
  const meanX = (values.length - 1) / 2;
  const meanY = values.reduce((sum, y) => sum + y, 0) / values.length;
  let covariance = 0;
  let variance = 0;
  for (const [x, y] of values.entries()) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return covariance / variance;
}

/** Two `--json` reports with the same counts (what each says of its inputs aside). */
function sameCounts(a: string, b: string): boolean {
  const counts = (json: string): string => JSON.stringify({ ...(JSON.parse(json) as object), inputs: null });
  return counts(a) === counts(b);
}

/**
 * The follower's `total_requests`, from the JSON line it prints each interval; `reach(n)` waits for n, and fails if
 * the follower ends first; `last()` is the last line.
 */
function countedLines(
  output: NodeJS.ReadableStream,
  follower: ChildProcess,
): { reach(total: number): Promise<void>; last(): string } {
  let total = 0;
  let last = '';
  let ended: Error | null = null;
  let waiting: { total: number; resolve: () => void; reject: (error: Error) => void } | null = null;
  follower.once('exit', (code) => {
    ended = new Error(`forte-cli logs --follow ended (exit ${code})`);
    waiting?.reject(ended);
  });
  createInterface({ input: output }).on('line', (line) => {
    last = line;
    total = (JSON.parse(line) as { general: { total_requests: number } }).general.total_requests;
    if (waiting && total >= waiting.total) {
      waiting.resolve();
      waiting = null;
    }
  });
  return {
    reach: (wanted) =>
      total >= wanted
        ? Promise.resolve()
        : ended
          ? Promise.reject(ended)
          : new Promise((resolve, reject) => (waiting = { total: wanted, resolve, reject })),
    last: () => last,
  };
}

void main();
