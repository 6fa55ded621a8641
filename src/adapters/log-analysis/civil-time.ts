import { DAY_MS } from '../../domain/duration';

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil), with no Date object. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** `2026-11-01T09:00:00` for seconds since the epoch of a wall clock (no zone conversion). */
export function formatWallClock(seconds: number, withTime = true): string {
  const iso = new Date(seconds * 1000).toISOString();
  return withTime ? iso.slice(0, 19) : iso.slice(0, 10);
}

/** `+09:00` for an offset in minutes. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

/** The date (YYYYMMDD, as GoAccess keys dates) of a day since 1970-01-01. */
export function dateKeyOfDay(days: number): number {
  const date = new Date(days * DAY_MS);
  return date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}
