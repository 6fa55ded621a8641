import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessLogChunks } from './access-log-generator';
import { FORTE_CLI, GOACCESS, measure, readJson, requireGoAccess } from './goaccess';
import { reportDifferences } from './goaccess-report-diff';

/**
 * `make bench-logs`: a 1,000,000-line combined log, GoAccess and the built forte-cli on it in the same run, wall
 * time and peak RSS of both, the ratios against the targets (≤ 1/8 of the time, ≤ 0.4 of the memory), and every
 * panel of both reports compared.
 * usage: node dist/bench/logs-vs-goaccess.js [LINES] [SEED]
 */
async function main(): Promise<void> {
  requireGoAccess();
  const lines = Number(process.argv[2] ?? 1_000_000);
  const seed = Number(process.argv[3] ?? 7);
  const dir = mkdtempSync(join(tmpdir(), 'forte-bench-'));
  const log = join(dir, 'access.log');
  process.stdout.write(`generating ${lines.toLocaleString('en-US')} lines (seed ${seed}) in ${log}\n`);
  const out = createWriteStream(log);
  for (const chunk of accessLogChunks(lines, { seed })) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');

  const theirsFile = join(dir, 'goaccess.json');
  const oursFile = join(dir, 'forte.json');
  const baseline = measure(process.execPath, [FORTE_CLI, '--help']);
  const ours = measure(process.execPath, [FORTE_CLI, 'logs', log, '--goaccess-json'], oursFile);
  const theirs = measure(GOACCESS, [log, '--log-format=COMBINED', '-o', theirsFile]);

  const timeRatio = ours.wallSeconds / theirs.wallSeconds;
  const memoryRatio = ours.peakRssKb / theirs.peakRssKb;
  const mb = (kb: number): string => `${(kb / 1024).toFixed(1)} MB`;
  const rows = [
    ['', 'wall time', 'peak RSS'],
    ['GoAccess', `${theirs.wallSeconds.toFixed(2)} s`, mb(theirs.peakRssKb)],
    ['forte-cli logs --goaccess-json', `${ours.wallSeconds.toFixed(2)} s`, mb(ours.peakRssKb)],
    ['ratio (target)', `${timeRatio.toFixed(3)} (≤ 0.125)`, `${memoryRatio.toFixed(3)} (≤ 0.4)`],
    ['forte-cli --help (start-up alone)', `${baseline.wallSeconds.toFixed(2)} s`, mb(baseline.peakRssKb)],
  ];
  for (const row of rows) process.stdout.write(`${row[0]!.padEnd(36)}${row[1]!.padStart(18)}${row[2]!.padStart(18)}\n`);
  const found = reportDifferences(readJson(theirsFile), readJson(oursFile));
  process.stdout.write(
    found.length
      ? `reports DIFFER:\n  ${found.slice(0, 50).join('\n  ')}\n`
      : 'reports: the general totals and every panel agree\n',
  );
  const met = timeRatio <= 0.125 && memoryRatio <= 0.4;
  process.stdout.write(
    `${met ? 'PASS' : 'FAIL'}: time ${timeRatio <= 0.125 ? 'met' : 'missed'}, memory ${memoryRatio <= 0.4 ? 'met' : 'missed'}\n`,
  );
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = met && !found.length ? 0 : 1;
}

void main();
