import { AccessLogReport } from '../../adapters/log-analysis/access-log-report';

/** What a spreadsheet reads as the start of a formula; "-" alone (a missing agent or referrer) is read as text. */
const FORMULA_START = /^(?:[=+@\t\r]|-.)/s;

const cell = (value: unknown): string => {
  let text =
    value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Log text is anyone's to write (a user agent "=HYPERLINK(...)"): a cell that would be a formula is kept as text
  // by a leading apostrophe, as OWASP advises against CSV injection. Numbers are not strings here, so "-1" is not one.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * One CSV table for every panel, in GoAccess's spirit: `panel,key,hits,bytes,errors_4xx,errors_5xx,extra`
 * rows, so a spreadsheet can filter by panel. `extra` holds what only that panel has (method, latency, kind).
 */
export function renderCsv(report: AccessLogReport): string {
  const rows: unknown[][] = [['panel', 'key', 'hits', 'bytes', 'errors_4xx', 'errors_5xx', 'extra']];
  for (const [key, value] of Object.entries(report.general)) rows.push(['general', key, value, '', '', '', '']);
  for (const [code, hits] of Object.entries(report.status_codes))
    rows.push(['status_codes', code, hits, '', '', '', '']);
  const panel = <T extends { hits: number; bytes?: number; errors_4xx?: number; errors_5xx?: number }>(
    name: string,
    items: T[],
    key: (item: T) => string,
    extra: (item: T) => unknown = () => '',
  ): void => {
    for (const item of items)
      rows.push([
        name,
        key(item),
        item.hits,
        item.bytes ?? '',
        item.errors_4xx ?? '',
        item.errors_5xx ?? '',
        extra(item),
      ]);
  };
  panel(
    'requests',
    report.requests,
    (r) => r.url,
    (r) => [r.method, r.protocol].filter(Boolean).join(' '),
  );
  panel(
    'static_requests',
    report.static_requests,
    (r) => r.url,
    (r) => [r.method, r.protocol].filter(Boolean).join(' '),
  );
  panel(
    'not_found',
    report.not_found,
    (r) => r.url,
    (r) => [r.method, r.protocol].filter(Boolean).join(' '),
  );
  panel(
    'routes',
    report.routes,
    (r) => r.route,
    (r) => r.latency,
  );
  panel('hosts', report.hosts, (r) => r.host);
  panel(
    'clients',
    report.clients,
    (r) => r.client,
    (r) => r.kind,
  );
  panel(
    'user_agents',
    report.user_agents,
    (r) => r.agent,
    (r) => r.kind,
  );
  panel(
    'operating_systems',
    report.panels.os.rows,
    (r) => r.data,
    (r) => `visitors=${r.visitors}`,
  );
  panel(
    'browsers',
    report.panels.browsers.rows,
    (r) => r.data,
    (r) => `visitors=${r.visitors}`,
  );
  panel(
    'referring_sites',
    report.panels.referring_sites.rows,
    (r) => r.data,
    (r) => `visitors=${r.visitors}`,
  );
  panel('referrers', report.referrers, (r) => r.referrer);
  panel('hits_per_hour', report.hits_per_hour, (r) => String(r.hour));
  panel(
    'hits_per_day',
    report.hits_per_day,
    (r) => r.date,
    (r) => `visitors=${r.visitors}`,
  );
  for (const [reason, count] of Object.entries(report.skipped.by_reason))
    rows.push(['skipped', reason, count, '', '', '', '']);
  return rows.map((row) => row.map(cell).join(',')).join('\n') + '\n';
}
