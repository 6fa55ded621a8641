import { daysFromCivil } from '../../adapters/log-analysis/civil-time';

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
  const dateOnly = hour === undefined;
  let seconds = daysFromCivil(Number(year), Number(month), Number(day)) * 86400;
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
