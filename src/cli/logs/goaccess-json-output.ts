import { AccessLogReport } from '../../adapters/log-analysis/access-log-report';
import { Panel, PANEL_NAMES, PanelRow } from '../../adapters/log-analysis/goaccess-panels';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** GoAccess's percentages: printf's `%05.2f` of a share of `total`. */
const percent = (value: number, total: number): string =>
  (total ? (value / total) * 100 : 0).toFixed(2).padStart(5, '0');

/** `2026-11-01T…` as GoAccess prints dates: `01/Nov/2026`. */
const goaccessDate = (iso: string | null): string =>
  iso ? `${iso.slice(8, 10)}/${MONTHS[Number(iso.slice(5, 7)) - 1]}/${iso.slice(0, 4)}` : '';

export interface RunFacts {
  /** Seconds the analysis took. */
  generationSeconds: number;
  /** Total size of the inputs read, in bytes. */
  logSize: number;
  now: Date;
}

/** The report in GoAccess 1.7's own JSON shape (`goaccess -o report.json`): its panel names, metadata and rows. */
export function renderGoAccessJson(report: AccessLogReport, facts: RunFacts): string {
  const g = report.general;
  const totals = { hits: g.valid_requests, visitors: g.unique_visitors, bytes: g.bandwidth };
  const counted = (row: PanelRow) => ({
    hits: { count: row.hits, percent: percent(row.hits, totals.hits) },
    visitors: { count: row.visitors, percent: percent(row.visitors, totals.visitors) },
    bytes: { count: row.bytes, percent: percent(row.bytes, totals.bytes) },
  });
  const shaped = (row: PanelRow): Record<string, unknown> => ({
    ...counted(row),
    ...(row.method !== undefined ? { method: row.method, protocol: row.protocol } : {}),
    data: row.data,
    ...(row.items ? { items: row.items.map(shaped) } : {}),
  });
  const metadata = (panel: Panel) => {
    const metric = (m: Panel['metrics']['hits']) => ({
      total: { value: m.total },
      avg: { value: m.avg, percent: percent(m.avg, m.total) },
      max: { value: m.max, percent: percent(m.max, m.total) },
      min: { value: m.min, percent: percent(m.min, m.total) },
    });
    return {
      bytes: metric(panel.metrics.bytes),
      visitors: metric(panel.metrics.visitors),
      hits: metric(panel.metrics.hits),
      data: { total: { value: panel.itemCount } },
    };
  };
  const iso = facts.now.toISOString();
  const out: Record<string, unknown> = {
    general: {
      start_date: goaccessDate(g.start_date),
      end_date: goaccessDate(g.end_date),
      date_time: `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000`,
      total_requests: g.total_requests,
      valid_requests: g.valid_requests,
      failed_requests: g.failed_requests,
      generation_time: Math.round(facts.generationSeconds),
      unique_visitors: g.unique_visitors,
      unique_files: g.unique_files,
      excluded_hits: g.excluded_hits,
      // GoAccess's default configuration ignores the REFERRERS panel, so it counts none.
      unique_referrers: 0,
      unique_not_found: g.unique_not_found,
      unique_static_files: g.unique_static_files,
      log_size: facts.logSize,
      bandwidth: g.bandwidth,
      log_path: report.inputs.map((input) => input.name),
    },
  };
  for (const name of PANEL_NAMES) {
    const panel = report.panels[name];
    out[name] = { metadata: metadata(panel), data: panel.rows.map(shaped) };
  }
  return `${JSON.stringify(out)}\n`;
}
