import { join } from 'node:path';
import { AccessLogReport } from '../../../src/adapters/log-analysis/access-log-report';
import { analyseAccessLogs } from '../../../src/adapters/log-analysis/log-analysis';
import { renderHtml } from '../../../src/cli/logs/html-output';

const LOG = join(__dirname, '../../fixtures/access-logs/combined-seed11.log');

describe('inputs that could not be read, in the HTML report', () => {
  let report: AccessLogReport;

  beforeAll(async () => {
    report = await analyseAccessLogs([LOG, join(__dirname, 'no-such-<file>.log')], {}, {}, { top: 10 });
  });

  it('are listed by name and reason, as the terminal report lists them', () => {
    const html = renderHtml(report);
    expect(html).toMatch(/<ul class="bad" id="input-errors"><li>[^<]*no-such-&lt;file&gt;\.log: [^<]*no such file/i);
    expect(html).not.toContain('combined-seed11.log:');
  });

  it('are not, when every input was read', () => {
    const html = renderHtml({ ...report, inputs: report.inputs.filter((input) => !input.error) });
    expect(html).not.toContain('input-errors');
  });
});
