import { hourlyTimeline, logOffsetLabel } from '../../../src/cli/logs/hourly-timeline';
import { analyseText } from '../../support/access-log-analysis';

const line = (time: string): string => `10.0.0.1 - - [01/Nov/2026:${time} +0900] "GET /a HTTP/1.1" 200 10 "-" "curl/8"`;

describe('the hourly timeline of the HTML report', () => {
  it('fills empty hours with 0 and draws a partial first and last hour dashed, at their hourly rate', async () => {
    // 09:30–10:00 (half an hour: 6 hits), 10:xx full (12), 11:xx empty, 12:00–12:15 (a quarter: 3 hits).
    const times = [
      ...Array.from({ length: 6 }, (_, i) => `09:${String(30 + i * 5).padStart(2, '0')}:00`),
      ...Array.from({ length: 12 }, (_, i) => `10:${String(i * 5).padStart(2, '0')}:00`),
      '12:00:00',
      '12:07:00',
      '12:14:59',
    ];
    const report = await analyseText(times.map(line).join('\n'));
    const timeline = hourlyTimeline(report);
    expect(timeline.x.map((x) => new Date(x * 1000).toISOString().slice(11, 16))).toEqual([
      '09:00',
      '10:00',
      '11:00',
      '12:00',
    ]);
    expect(timeline.hits).toEqual([null, 12, 0, null]);
    expect(timeline.partialHits).toEqual([12, 12, 0, 12]);
    expect(timeline.notes).toHaveLength(2);
    expect(logOffsetLabel(report)).toBe('UTC+09:00');
  });
});
