import { DAY_MS, HOUR_MS, SECOND_MS } from './duration';

/**
 * Calendar days in Asia/Seoul. KST is UTC+9 all year (Korea keeps no daylight saving time), so plain
 * arithmetic on the epoch is exact and needs no time-zone database.
 */
const KST_OFFSET_MS = 9 * HOUR_MS;

/** The Seoul calendar date of an instant, as `YYYY-MM-DD`. */
export const seoulDate = (at: Date): string => new Date(at.getTime() + KST_OFFSET_MS).toISOString().slice(0, 10);

/** 00:00 KST of the Seoul day an instant falls on. */
export const startOfSeoulDay = (at: Date): Date =>
  new Date(Math.floor((at.getTime() + KST_OFFSET_MS) / DAY_MS) * DAY_MS - KST_OFFSET_MS);

export const startOfNextSeoulDay = (at: Date): Date => new Date(startOfSeoulDay(at).getTime() + DAY_MS);

export const isSameSeoulDay = (a: Date, b: Date): boolean => seoulDate(a) === seoulDate(b);

/** The legacy `diff` of the attendance bot: always three parts ("0h 5m 3s"); seconds are truncated. */
export function formatDiff(ms: number): string {
  const totalSeconds = Math.floor(ms / SECOND_MS);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  return `${hours}h ${minutes}m ${totalSeconds % 60}s`;
}

export const diffUntilNextSeoulDay = (at: Date): string => formatDiff(startOfNextSeoulDay(at).getTime() - at.getTime());
