import { AccessLogReport } from '../../adapters/log-analysis/access-log-report';

/**
 * Hits per hour for the chart: every hour from the first to the last (empty hours as 0), x in seconds of the
 * log's own wall clock (drawn as UTC, so the axis reads the log's time). An hour the log covers only in part (its
 * first and last) is drawn at its hourly rate on a dashed line of its own, not as a cliff.
 */
export interface HourlyTimeline {
  x: number[];
  hits: (number | null)[];
  errors: (number | null)[];
  partialHits: (number | null)[];
  partialErrors: (number | null)[];
  /** What the dashed parts are, in words; empty when no hour is partial. */
  notes: string[];
}

const HOUR = 3600;
const wallSeconds = (isoLocal: string): number => Date.parse(`${isoLocal.slice(0, 19)}Z`) / 1000;

export function hourlyTimeline(report: AccessLogReport): HourlyTimeline {
  const out: HourlyTimeline = { x: [], hits: [], errors: [], partialHits: [], partialErrors: [], notes: [] };
  const { start_date: start, end_date: end } = report.general;
  if (!report.timeline.length || !start || !end) return out;
  const byHour = new Map(report.timeline.map((t) => [wallSeconds(`${t.time}:00`), t]));
  const first = wallSeconds(`${report.timeline[0]!.time}:00`);
  const last = wallSeconds(`${report.timeline[report.timeline.length - 1]!.time}:00`);
  // The share of each end hour the log covers: from its first line's second, up to its last line's.
  const startCover = (first + HOUR - wallSeconds(start)) / HOUR;
  const endCover = (wallSeconds(end) - last + 1) / HOUR;
  for (let x = first; x <= last; x += HOUR) {
    const slot = byHour.get(x);
    const hits = slot?.hits ?? 0;
    const errors = (slot?.errors_4xx ?? 0) + (slot?.errors_5xx ?? 0);
    const cover =
      first === last
        ? Math.min(1, (wallSeconds(end) - wallSeconds(start) + 1) / HOUR)
        : x === first
          ? startCover
          : x === last
            ? endCover
            : 1;
    out.x.push(x);
    if (cover < 1) {
      out.hits.push(null);
      out.errors.push(null);
      out.partialHits.push(Math.round(hits / cover));
      out.partialErrors.push(Math.round(errors / cover));
      const minutes = Math.max(1, Math.round(cover * 60));
      out.notes.push(
        `${new Date(x * 1000).toISOString().slice(11, 16)}: ${hits.toLocaleString('en-US')} hits in the ${minutes} minutes the log covers, drawn dashed at its hourly rate`,
      );
    } else {
      out.hits.push(hits);
      out.errors.push(errors);
      out.partialHits.push(null);
      out.partialErrors.push(null);
    }
  }
  // Join each dashed stretch to its full neighbour, so the line runs on.
  for (let i = 0; i < out.x.length; i++) {
    if (out.hits[i] === null) continue;
    if (out.hits[i - 1] === null || out.hits[i + 1] === null) {
      out.partialHits[i] = out.hits[i]!;
      out.partialErrors[i] = out.errors[i]!;
    }
  }
  return out;
}

/** The log's UTC offset as the axis names it: `UTC+09:00` (`UTC` when the log gives none). */
export function logOffsetLabel(report: AccessLogReport): string {
  const offset = /([+-]\d\d:\d\d|Z)$/.exec(report.general.start_date ?? '')?.[1];
  return !offset || offset === 'Z' ? 'UTC' : `UTC${offset}`;
}
