import { join } from 'node:path';
import { AccessLogReport } from '../../../src/adapters/log-analysis/access-log-report';
import { analyseAccessLogs } from '../../../src/adapters/log-analysis/log-analysis';
import { renderHtml } from '../../../src/cli/logs/html-output';
import { renderTerminal } from '../../../src/cli/logs/terminal-output';

const LOG = join(__dirname, '../../fixtures/access-logs/combined-seed11.log');

describe('late lines of --follow in the human reports', () => {
  let report: AccessLogReport;

  beforeAll(async () => {
    report = await analyseAccessLogs([LOG], {}, {}, { top: 10 });
  });

  const late = (count: number): AccessLogReport => ({ ...report, general: { ...report.general, late_lines: count } });

  it('are told in the terminal report when there are some, and not otherwise', () => {
    expect(renderTerminal(late(1234), false)).toMatch(/late lines: 1,234 \(of dates --follow had closed/);
    expect(renderTerminal(late(0), false)).not.toMatch(/late lines/);
  });

  it('are a card of the HTML report when there are some, and not otherwise', () => {
    expect(renderHtml(late(1234))).toMatch(/Late \(no visitors\)<\/[a-z]+>\s*<[a-z]+[^>]*>1,234</);
    expect(renderHtml(late(0))).not.toMatch(/Late \(no visitors\)/);
  });
});
