import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOACCESS_PANELS, GoAccessReport, reportDifferences } from '../../../bench/goaccess-report-diff';
import { AnalysisScope } from '../../../src/adapters/log-analysis/access-log-analyser';
import { analyseAccessLogs } from '../../../src/adapters/log-analysis/log-analysis';
import { renderGoAccessJson } from '../../../src/cli/logs/goaccess-json-output';

const FIXTURES = join(__dirname, '../../fixtures/access-logs');

// Each log comes from bench/access-log-generator.ts (IPv6 hosts, HEAD/OPTIONS, 3xx, "-" sizes, crawlers, escaped
// quotes in agents, several days); each report from `goaccess LOG --log-format=COMBINED -o LOG.goaccess.json`
// (GoAccess 1.7, Debian; the forte log with the --log-format of docs/logs.md), run once and committed.
// Counting every list or only GoAccess's panels (what `--goaccess-json` alone needs) gives the same panels.
const LOGS = ['combined-seed11', 'combined-seed12', 'forte-seed13'];
const SCOPES: AnalysisScope[] = ['all', 'panels'];
describe.each(LOGS.flatMap((name) => SCOPES.map((scope) => [name, scope] as const)))(
  '%s, counting %s, agrees with GoAccess 1.7',
  (name, scope) => {
    const goaccess = JSON.parse(readFileSync(join(FIXTURES, `${name}.goaccess.json`), 'utf8')) as GoAccessReport;
    let ours: GoAccessReport;

    beforeAll(async () => {
      const report = await analyseAccessLogs(
        [join(FIXTURES, `${name}.log`)],
        {},
        {},
        { top: 10, panelRows: 366, scope },
      );
      ours = JSON.parse(
        renderGoAccessJson(report, { generationSeconds: 0, logSize: 0, now: new Date() }),
      ) as GoAccessReport;
    });

    it('has the general totals and every panel, row by row (hits, visitors, bytes), as GoAccess', () => {
      expect(reportDifferences(goaccess, ours)).toEqual([]);
    });

    it.each(GOACCESS_PANELS)("%s has GoAccess's shape", (panel) => {
      const theirs = goaccess[panel] as { data: Record<string, unknown>[] };
      const mine = ours[panel] as { metadata: unknown; data: Record<string, unknown>[] };
      expect(Object.keys(mine)).toEqual(Object.keys(theirs));
      // GoAccess adds avgts/cumts/maxts when the log has response times; forte-cli keeps those to --json's latency.
      const timeKeys = ['avgts', 'cumts', 'maxts'];
      expect(Object.keys(mine.data[0]!).sort()).toEqual(
        Object.keys(theirs.data[0]!)
          .filter((key) => !timeKeys.includes(key))
          .sort(),
      );
    });
  },
);

describe('the parity check', () => {
  it('sees a row whose visitors differ', () => {
    const goaccess = JSON.parse(
      readFileSync(join(FIXTURES, 'combined-seed11.goaccess.json'), 'utf8'),
    ) as GoAccessReport;
    const changed = JSON.parse(JSON.stringify(goaccess)) as GoAccessReport;
    (changed.hosts as { data: { visitors: { count: number } }[] }).data[0]!.visitors.count++;
    expect(reportDifferences(goaccess, changed)).toEqual([
      expect.stringMatching(/^hosts: ".*": goaccess hits \d+, visitors \d+/),
    ]);
  });
});
