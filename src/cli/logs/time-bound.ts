import { dateKeyOfDay, daysFromCivil } from '../../adapters/log-analysis/civil-time';

export interface TimeBound {
  seconds: number;
  /** No offset given: compare with the log's own wall clock. */
  local: boolean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Reads an ISO 8601 date or time for --since/--until. A bare date covers the whole day (its start for --since,
 * its last second for --until); without an offset the time is in the log's own offset.
 */
export function parseTimeBound(text: string, edge: 'start' | 'end'): TimeBound {
  const match = ISO.exec(text.trim());
  if (!match) throw new Error(`not an ISO 8601 date or time: ${text}`);
  const [, year, month, day, hour, minute, second, zone] = match;
  const days = daysFromCivil(Number(year), Number(month), Number(day));
  // A month or day out of range (2026-13-01, 2026-02-30) would roll over into another date: refused instead.
  if (dateKeyOfDay(days) !== Number(year) * 10000 + Number(month) * 100 + Number(day))
    throw new Error(`no such date: ${text}`);
  if (Number(hour ?? 0) > 23 || Number(minute ?? 0) > 59 || Number(second ?? 0) > 59)
    throw new Error(`no such time of day: ${text}`);
  if (zone && zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(-2)) > 59))
    throw new Error(`no such UTC offset: ${text}`);
  const dateOnly = hour === undefined;
  let seconds = days * 86400;
  if (dateOnly) seconds += edge === 'end' ? 86399 : 0;
  else
    seconds +=
      Number(hour) * 3600 + Number(minute) * 60 + (second === undefined ? (edge === 'end' ? 59 : 0) : Number(second));
  if (!zone) return { seconds, local: true };
  if (zone !== 'Z') {
    const digits = zone.replace(':', '');
    const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
    seconds -= (digits.startsWith('-') ? -minutes : minutes) * 60;
  }
  return { seconds, local: false };
}
