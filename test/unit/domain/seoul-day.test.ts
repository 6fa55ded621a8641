import {
  diffUntilNextSeoulDay,
  formatDiff,
  isSameSeoulDay,
  seoulDate,
  startOfNextSeoulDay,
  startOfSeoulDay,
} from '../../../src/domain/seoul-day';

// 23:59:59 KST and 00:00 KST of 2026-11-26 (KST is UTC+9).
const lastSecondOfDay = new Date('2026-11-25T14:59:59Z');
const midnight = new Date('2026-11-25T15:00:00Z');

describe('seoulDate', () => {
  it('is still the 25th at 23:59:59 KST and the 26th from 00:00 KST', () => {
    expect(seoulDate(lastSecondOfDay)).toBe('2026-11-25');
    expect(seoulDate(new Date('2026-11-25T14:59:59.999Z'))).toBe('2026-11-25');
    expect(seoulDate(midnight)).toBe('2026-11-26');
  });

  it('runs nine hours ahead of the UTC date', () => {
    expect(seoulDate(new Date('2026-11-25T00:00:00Z'))).toBe('2026-11-25');
    expect(seoulDate(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01-01');
  });
});

describe('isSameSeoulDay', () => {
  it('tells apart two instants one second apart across Seoul midnight', () => {
    expect(isSameSeoulDay(lastSecondOfDay, midnight)).toBe(false);
  });

  it('joins instants on different UTC dates that share a Seoul day', () => {
    expect(isSameSeoulDay(new Date('2026-11-25T15:00:00Z'), new Date('2026-11-26T14:59:59Z'))).toBe(true);
  });
});

describe('startOfSeoulDay and startOfNextSeoulDay', () => {
  it('answer the surrounding midnights in KST', () => {
    expect(startOfSeoulDay(lastSecondOfDay)).toEqual(new Date('2026-11-24T15:00:00Z'));
    expect(startOfNextSeoulDay(lastSecondOfDay)).toEqual(midnight);
  });

  it('start a new day exactly at midnight', () => {
    expect(startOfSeoulDay(midnight)).toEqual(midnight);
    expect(startOfNextSeoulDay(midnight)).toEqual(new Date('2026-11-26T15:00:00Z'));
  });
});

describe('formatDiff', () => {
  it('always has three parts', () => {
    expect(formatDiff(5 * 60_000 + 3_000)).toBe('0h 5m 3s');
    expect(formatDiff(0)).toBe('0h 0m 0s');
    expect(formatDiff(5 * 3_600_000 + 3 * 60_000 + 2_000)).toBe('5h 3m 2s');
  });

  it('truncates a part second', () => {
    expect(formatDiff(1_999)).toBe('0h 0m 1s');
  });
});

describe('diffUntilNextSeoulDay', () => {
  it('counts down to 00:00 KST', () => {
    expect(diffUntilNextSeoulDay(lastSecondOfDay)).toBe('0h 0m 1s');
    expect(diffUntilNextSeoulDay(new Date('2026-11-25T09:56:58Z'))).toBe('5h 3m 2s');
  });

  it('is a whole day at midnight', () => {
    expect(diffUntilNextSeoulDay(midnight)).toBe('24h 0m 0s');
  });
});
