import type TableType from 'cli-table3';
import pc from 'picocolors';
import { AccessLogReport } from '../../adapters/log-analysis/access-log-report';
import type { PanelRow } from '../../adapters/log-analysis/goaccess-panels';
import { formatBytes, formatCount, formatRate } from './readable-numbers';

type Colour = (text: string) => string;
interface Palette {
  title: Colour;
  good: Colour;
  warn: Colour;
  bad: Colour;
  dim: Colour;
}

const plain: Palette = { title: String, good: String, warn: String, bad: String, dim: String };
const coloured: Palette = {
  title: (t) => pc.bold(pc.cyan(t)),
  good: pc.green,
  warn: pc.yellow,
  bad: pc.red,
  dim: pc.dim,
};

const number = formatCount;
const percent = formatRate;
const megabytes = formatBytes;
const clip = (text: string, width = 70): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** The human report: one table per panel, coloured when standard output is a terminal. */
export function renderTerminal(report: AccessLogReport, colour: boolean): string {
  const p = colour ? coloured : plain;
  const style = colour ? {} : { head: [], border: [] };
  // Loaded here, not at start-up: only the terminal report draws tables.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at start-up
  const Table = require('cli-table3') as typeof TableType;
  const table = (head: string[], rows: (string | number)[][]): string => {
    // Numbers right-aligned, the first column (the key) left.
    const t = new Table({
      head: head.map((h) => p.title(h)),
      style,
      colAligns: head.map((_h, i) => (i === 0 ? 'left' : 'right')),
    });
    t.push(...rows.map((row) => row.map(String)));
    return t.toString();
  };
  const rate = (r: number): string => (r >= 0.1 ? p.bad : r >= 0.02 ? p.warn : p.good)(percent(r));
  const g = report.general;
  const out: string[] = [];
  const section = (title: string, body: string): void => {
    out.push(`\n${p.title(title)}\n${body}`);
  };
  section(
    `Access log report (${report.format})`,
    table(
      [
        'total',
        'valid',
        'failed',
        'excluded',
        'visitors',
        'unique requests',
        'static files',
        'unique 404',
        'bandwidth',
      ],
      [
        [
          number(g.total_requests),
          number(g.valid_requests),
          g.failed_requests ? p.warn(number(g.failed_requests)) : '0',
          number(g.excluded_hits),
          number(g.unique_visitors),
          number(g.unique_files),
          number(g.unique_static_files),
          number(g.unique_not_found),
          megabytes(g.bandwidth),
        ],
      ],
    ) + `\n${p.dim(`from ${g.start_date ?? '-'} to ${g.end_date ?? '-'}`)}`,
  );
  if (report.skipped.total) {
    const reasons = Object.entries(report.skipped.by_reason)
      .map(([r, n]) => `${r}: ${number(n)}`)
      .join(', ');
    const samples = report.skipped.samples
      .slice(0, 3)
      .map((s) => p.dim(`  ${s.input}:${s.line} (${s.reason}) ${clip(s.text, 100)}`));
    section('Skipped lines', [`${number(report.skipped.total)} lines skipped (${reasons})`, ...samples].join('\n'));
  }
  if (g.late_lines)
    out.push(
      p.warn(`late lines: ${number(g.late_lines)} (of dates --follow had closed: hits and bytes counted, no visitors)`),
    );
  for (const input of report.inputs.filter((i) => i.error)) out.push(p.bad(`${input.name}: ${input.error}`));
  section(
    'Status codes',
    table(
      ['status', 'hits'],
      Object.entries(report.status_codes).map(([code, hits]) => [
        (code >= '500' ? p.bad : code >= '400' ? p.warn : p.good)(code),
        number(hits),
      ]),
    ),
  );
  section(
    'Routes',
    table(
      ['route', 'hits', 'errors', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'],
      report.routes.map((r) => [
        clip(r.route),
        number(r.hits),
        rate(r.error_rate),
        r.latency?.p50_ms ?? '-',
        r.latency?.p90_ms ?? '-',
        r.latency?.p99_ms ?? '-',
        r.latency?.max_ms ?? '-',
      ]),
    ),
  );
  section(
    'Requests',
    table(
      ['request', 'hits', 'bandwidth', 'errors'],
      report.requests.map((r) => [
        clip(`${r.method ?? ''} ${r.url}`.trim()),
        number(r.hits),
        megabytes(r.bytes),
        rate(r.error_rate),
      ]),
    ),
  );
  if (report.static_requests.length)
    section(
      'Static requests',
      table(
        ['request', 'hits'],
        report.static_requests.map((r) => [clip(r.url), number(r.hits)]),
      ),
    );
  if (report.not_found.length)
    section(
      'Not found (404)',
      table(
        ['request', 'hits'],
        report.not_found.map((r) => [clip(`${r.method ?? ''} ${r.url}`.trim()), number(r.hits)]),
      ),
    );
  section(
    'Hosts',
    table(
      ['host', 'hits', 'bandwidth', 'errors'],
      report.hosts.map((h) => [h.host, number(h.hits), megabytes(h.bytes), rate(h.error_rate)]),
    ),
  );
  section(
    'Clients',
    table(
      ['client', 'kind', 'hits', '4xx', '5xx', 'errors'],
      report.clients.map((c) => [
        clip(c.client, 40),
        c.kind,
        number(c.hits),
        number(c.errors_4xx),
        number(c.errors_5xx),
        rate(c.error_rate),
      ]),
    ),
  );
  const panelTable = (title: string, key: string, rows: PanelRow[]): void => {
    if (rows.length)
      section(
        title,
        table(
          [key, 'hits', 'visitors', 'bandwidth'],
          rows.map((r) => [clip(r.data), number(r.hits), number(r.visitors), megabytes(r.bytes)]),
        ),
      );
  };
  panelTable('Operating systems', 'os', report.panels.os.rows);
  panelTable('Browsers', 'browser', report.panels.browsers.rows);
  panelTable('Referring sites', 'site', report.panels.referring_sites.rows);
  panelTable(
    'Visit time (hour)',
    'hour',
    [...report.panels.visit_time.rows].sort((x, y) => (x.data < y.data ? -1 : 1)),
  );
  if (report.referrers.length)
    section(
      'Referrers',
      table(
        ['referrer', 'hits'],
        report.referrers.map((r) => [clip(r.referrer), number(r.hits)]),
      ),
    );
  section(
    'Hits per day',
    table(
      ['date', 'hits', 'visitors', 'bandwidth'],
      report.hits_per_day.map((d) => [d.date, number(d.hits), number(d.visitors), megabytes(d.bytes)]),
    ),
  );
  if (report.latency) {
    const l = report.latency;
    section(
      'Response time (ms)',
      table(['requests', 'p50', 'p90', 'p99', 'max'], [[number(l.count), l.p50_ms, l.p90_ms, l.p99_ms, l.max_ms]]),
    );
  }
  return `${out.join('\n')}\n`;
}
