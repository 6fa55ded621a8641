import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const TARGET_SECONDS = 3;

const freePort = async (): Promise<number> => {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, 'close');
  return port;
};

/** Seconds from spawning `npm start` in the checkout to the first answer of its `/health`. */
async function timeToFirstAnswer(): Promise<number> {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'forte-bench-start-'));
  const database = `sqlite:${data}/forte.sqlite`;
  const env = { ...process.env, HOST: '127.0.0.1', PORT: String(port), ACCESS_LOG: 'off', DATABASE_URL: database };
  const started = performance.now();
  const npm = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: 'ignore' });
  try {
    for (;;) {
      const answered = await fetch(`http://127.0.0.1:${port}/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (answered) return (performance.now() - started) / 1000;
      if (npm.exitCode !== null) throw new Error(`npm start exited with ${npm.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    process.kill(-(npm.pid ?? 0), 'SIGTERM');
    if (npm.exitCode === null) await once(npm, 'exit');
    rmSync(data, { recursive: true, force: true });
  }
}

/**
 * `make bench-start`: how long `npm start` takes to answer when dist/ is up to date (it builds what changed
 * first), against the 3-second target. usage: node dist/bench/start-time.js [RUNS]
 */
async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const seconds: number[] = [];
  for (let run = 0; run < runs; run += 1) seconds.push(await timeToFirstAnswer());
  const median = [...seconds].sort((a, b) => a - b)[Math.floor(runs / 2)] ?? NaN;
  const verdict = median <= TARGET_SECONDS ? 'met' : 'MISSED';
  const each = seconds.map((s) => s.toFixed(2)).join(', ');
  process.stdout.write(`npm start to the first answer, dist/ up to date: ${each} s\n`);
  process.stdout.write(`median ${median.toFixed(2)} s (target ≤ ${TARGET_SECONDS} s): ${verdict}\n`);
}

void main();
