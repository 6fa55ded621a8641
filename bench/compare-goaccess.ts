import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { differences, FORTE_CLI, GOACCESS, readJson, requireGoAccess, runSync, SHARED_GENERAL_KEYS } from './goaccess';

/** usage: node dist/bench/compare-goaccess.js LOG — runs GoAccess and forte-cli on LOG and compares their totals. */
function main(): void {
  const log = process.argv[2];
  if (!log) {
    process.stderr.write('usage: compare-goaccess.js LOG (make compare-goaccess LOG=file)\n');
    process.exit(2);
  }
  requireGoAccess();
  const dir = mkdtempSync(join(tmpdir(), 'forte-compare-'));
  const theirsFile = join(dir, 'goaccess.json');
  runSync(GOACCESS, [log, '--log-format=COMBINED', '-o', theirsFile]);
  const ours = spawnSync(process.execPath, [FORTE_CLI, 'logs', log, '--format', 'combined', '--json'], { maxBuffer: 1 << 30 });
  writeFileSync(join(dir, 'forte.json'), ours.stdout);
  const theirs = readJson(theirsFile);
  const mine = JSON.parse(ours.stdout.toString('utf8'));
  for (const key of SHARED_GENERAL_KEYS) {
    process.stdout.write(`${key.padEnd(20)} goaccess ${String(theirs.general[key]).padStart(12)}   forte-cli ${String(mine.general[key]).padStart(12)}\n`);
  }
  const found = differences(theirs, mine);
  process.stdout.write(found.length ? `DIFFERENT:\n  ${found.join('\n  ')}\n` : 'SAME: every shared general key and status code count agrees\n');
  process.exitCode = found.length ? 1 : 0;
}

main();
