import { generateAccessLog } from '../../../bench/access-log-generator';

describe('the access-log generator', () => {
  it('gives the same lines on other dates when told where to start', () => {
    const first = [...generateAccessLog(300, { seed: 3 })];
    const later = [...generateAccessLog(300, { seed: 3, start: new Date(Date.UTC(2026, 10, 15)) })];
    const withoutDate = (line: string): string => line.replace(/\[[^\]]*\]/, '[]');
    expect(later.map(withoutDate)).toEqual(first.map(withoutDate));
    expect(first[0]).toContain('[01/Nov/2026:09:');
    expect(later[0]).toContain('[15/Nov/2026:09:');
  });
});
