import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORTE_CLI, GOACCESS, readJson, requireGoAccess, runSync } from './goaccess';
import {
  GOACCESS_PANELS,
  GoAccessPanel,
  GoAccessReport,
  reportDifferences,
  SHARED_GENERAL_KEYS,
} from './goaccess-report-diff';

/** usage: node dist/bench/compare-goaccess.js LOG — runs GoAccess and forte-cli on LOG and compares every panel. */
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
  const ours = spawnSync(process.execPath, [FORTE_CLI, 'logs', log, '--format', 'combined', '--goaccess-json'], {
    maxBuffer: 1 << 30,
  });
  writeFileSync(join(dir, 'forte.json'), ours.stdout);
  const theirs = readJson(theirsFile);
  const mine = JSON.parse(ours.stdout.toString('utf8')) as GoAccessReport;
  const line = (label: string, a: unknown, b: unknown): void => {
    process.stdout.write(
      `${label.padEnd(28)} goaccess ${String(a).padStart(12)}   forte-cli ${String(b).padStart(12)}\n`,
    );
  };
  for (const key of SHARED_GENERAL_KEYS) line(key, theirs.general[key], mine.general[key]);
  for (const name of GOACCESS_PANELS) {
    const [a, b] = [theirs[name] as GoAccessPanel | undefined, mine[name] as GoAccessPanel | undefined];
    if (a)
      line(
        `${name} (items / hits)`,
        `${a.metadata.data.total.value} / ${a.metadata.hits.total.value}`,
        b ? `${b.metadata.data.total.value} / ${b.metadata.hits.total.value}` : '-',
      );
  }
  const found = reportDifferences(theirs, mine);
  process.stdout.write(
    found.length
      ? `DIFFERENT (${found.length}):\n  ${found.slice(0, 100).join('\n  ')}\n`
      : 'SAME: the general totals and every row of every panel agree\n',
  );
  process.stdout.write(`reports kept in ${dir}\n`);
  process.exitCode = found.length ? 1 : 0;
}

main();
