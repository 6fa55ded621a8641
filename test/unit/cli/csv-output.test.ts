import { renderCsv } from '../../../src/cli/logs/csv-output';
import { analyseText } from '../../support/access-log-analysis';

const line = (agent: string, referrer = '-'): string =>
  `10.0.0.1 - - [01/Nov/2026:10:00:00 +0900] "GET /api/v2/users/7 HTTP/1.1" 200 100 "${referrer}" "${agent}"`;

describe('the CSV report', () => {
  it('keeps log text that a spreadsheet would run as a formula as text, and "-" as it is', async () => {
    const report = await analyseText(
      [line("=CMD|' /C calc'!A0"), line('=1+1,2'), line('@SUM(1+1)'), line('+1+1'), line('-2+3'), line('-')].join('\n'),
    );
    const agents = renderCsv(report)
      .split('\n')
      .filter((row) => row.startsWith('user_agents,'))
      .map((row) => row.slice('user_agents,'.length, row.lastIndexOf(',1,100,')));
    expect(agents.sort()).toEqual([`"'=1+1,2"`, "'+1+1", "'-2+3", "'=CMD|' /C calc'!A0", "'@SUM(1+1)", '-']);
  });

  it('writes numbers and plain text as they are', async () => {
    const csv = renderCsv(await analyseText(line('curl/8.4.0')));
    expect(csv.split('\n')).toContain('general,valid_requests,1,,,,');
    expect(csv.split('\n')).toContain('user_agents,curl/8.4.0,1,100,0,0,bot');
  });
});
