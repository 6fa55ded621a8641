import { analyseText } from '../../support/access-log-analysis';

const line = (agent: string, status = 200): string =>
  `10.0.0.1 - - [01/Nov/2026:10:00:00 +0900] "GET /api/v2/users/7 HTTP/1.1" ${status} 100 "-" "${agent}"`;

describe('the clients and user agents panels', () => {
  it('list only the clients of agents some line had, each with an error rate', async () => {
    const report = await analyseText([line('curl/8.4.0'), line('curl/8.4.0', 500), line('lara-bot/2.1')].join('\n'));
    expect(report.clients.map((row) => [row.client, row.agents, row.hits, row.error_rate])).toEqual([
      ['curl', 1, 2, 0.5],
      ['lara-bot', 1, 1, 0],
    ]);
    expect(report.user_agents.map((row) => row.agent)).toEqual(['curl/8.4.0', 'lara-bot/2.1']);
  });

  it('count a "-" agent as a client of its own once a line has it', async () => {
    const report = await analyseText([line('curl/8.4.0'), line('-')].join('\n'));
    expect(report.clients).toHaveLength(2);
    expect(report.clients.every((row) => row.hits === 1 && row.agents === 1 && row.error_rate === 0)).toBe(true);
  });
});
