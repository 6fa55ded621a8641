import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AccessLogReport } from '../../adapters/log-analysis/access-log-report';
import { PanelName, PanelRow } from '../../adapters/log-analysis/goaccess-panels';
import { hourlyTimeline, logOffsetLabel } from './hourly-timeline';
import { escapeHtml, slowRoutesSvg, statusMixSvg } from './html-svg-charts';
import { formatBytes, formatCount, formatRate, formatShare } from './readable-numbers';

/** uPlot's browser build and stylesheet, inlined so the report works offline and from any path. */
function uplotAssets(): { script: string; css: string } {
  const dist = dirname(require.resolve('uplot/dist/uPlot.iife.min.js'));
  return {
    script: readFileSync(join(dist, 'uPlot.iife.min.js'), 'utf8'),
    css: readFileSync(join(dist, 'uPlot.min.css'), 'utf8'),
  };
}

/** JSON for a <script> block: `<` escaped so no value can close the tag. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

type Cell = string | { text: string; number: true };
const num = (text: string): Cell => ({ text, number: true });

function tableHtml(head: string[], rows: Cell[][]): string {
  const th = head.map((h, i) => `<th${i ? ' class="n"' : ''}>${escapeHtml(h)}</th>`).join('');
  const trs = rows
    .map(
      (row) =>
        `<tr>${row.map((c) => (typeof c === 'string' ? `<td class="k">${escapeHtml(c)}</td>` : `<td class="n">${escapeHtml(c.text)}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<div class="scroll"><table><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table></div>`;
}

const section = (id: string, title: string, body: string, wide = false): string =>
  `<section class="panel${wide ? ' wide' : ''}" id="${id}"><h2>${escapeHtml(title)}</h2>${body}</section>`;

const GOACCESS_TITLES: [PanelName, string, string][] = [
  ['visitors', 'Visitors per day', 'date'],
  ['requests', 'Requested files', 'request'],
  ['static_requests', 'Static requests', 'request'],
  ['not_found', 'Not found (404)', 'request'],
  ['hosts', 'Hosts', 'host'],
  ['os', 'Operating systems', 'os'],
  ['browsers', 'Browsers', 'browser'],
  ['visit_time', 'Visit time (hour of day)', 'hour'],
  ['referring_sites', 'Referring sites', 'site'],
  ['status_codes', 'Status codes', 'status'],
];

/** A GoAccess panel as a table: hits, visitors and bandwidth with their shares, categories with their items. */
function goaccessPanelHtml(report: AccessLogReport, name: PanelName, key: string): string {
  const g = report.general;
  const panel = report.panels[name];
  const rows =
    name === 'visit_time' || name === 'visitors'
      ? [...panel.rows].sort((x, y) => (x.data < y.data ? -1 : 1))
      : panel.rows;
  const line = (row: PanelRow, label: string): Cell[] => [
    label,
    num(formatCount(row.hits)),
    num(formatShare(row.hits, g.valid_requests)),
    num(formatCount(row.visitors)),
    num(formatBytes(row.bytes)),
  ];
  const body: Cell[][] = [];
  for (const row of rows) {
    const label =
      row.method && row.method !== '---'
        ? `${row.method} ${row.data}`
        : name === 'visitors'
          ? `${row.data.slice(0, 4)}-${row.data.slice(4, 6)}-${row.data.slice(6)}`
          : row.data;
    body.push(line(row, label));
    for (const item of row.items ?? []) if (item.data !== row.data) body.push(line(item, `  ${item.data}`));
  }
  if (!body.length) return '<p class="empty">Nothing in this log.</p>';
  const more =
    panel.itemCount > panel.rows.length
      ? `<p class="note">${formatCount(panel.rows.length)} of ${formatCount(panel.itemCount)} shown (--top)</p>`
      : '';
  return tableHtml([key, 'hits', 'share', 'visitors', 'bandwidth'], body) + more;
}

/**
 * One self-contained HTML file: every panel of the terminal report, uPlot for hits over time, SVG bars. With
 * `refreshSeconds` (--follow) the page reloads itself that often, to show the report as it is rewritten.
 */
export function renderHtml(report: AccessLogReport, live: { refreshSeconds?: number } = {}): string {
  const { script, css } = uplotAssets();
  const g = report.general;
  const timeline = hourlyTimeline(report);
  const offset = logOffsetLabel(report);
  const slow = slowRoutesSvg(report);
  const cards: [string, string][] = [
    ['Total requests', formatCount(g.total_requests)],
    ['Valid', formatCount(g.valid_requests)],
    ['Failed', formatCount(g.failed_requests)],
    ['Excluded', formatCount(g.excluded_hits)],
    ...(g.late_lines ? [['Late (no visitors)', formatCount(g.late_lines)] as [string, string]] : []),
    ['Unique visitors', formatCount(g.unique_visitors)],
    ['Requested files', formatCount(g.unique_files)],
    ['Static files', formatCount(g.unique_static_files)],
    ['Not found', formatCount(g.unique_not_found)],
    ['Bandwidth', formatBytes(g.bandwidth)],
    ['From', g.start_date?.slice(0, 19).replace('T', ' ') ?? '-'],
    ['To', g.end_date?.slice(0, 19).replace('T', ' ') ?? '-'],
  ];
  const sections = [
    section(
      'hits-chart',
      `Hits per hour (log time, ${offset})`,
      `<div id="hits-over-time"></div>${timeline.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('')}`,
      true,
    ),
    section('status-mix-panel', 'Status mix', statusMixSvg(report.status_classes)),
    section('slow-routes-panel', slow.title, slow.svg),
    section(
      'routes',
      'Routes',
      tableHtml(
        ['route', 'hits', 'errors', 'p50 ms', 'p90 ms', 'p99 ms'],
        report.routes.map((r) => [
          r.route,
          num(formatCount(r.hits)),
          num(formatRate(r.error_rate)),
          num(r.latency ? formatCount(r.latency.p50_ms) : '-'),
          num(r.latency ? formatCount(r.latency.p90_ms) : '-'),
          num(r.latency ? formatCount(r.latency.p99_ms) : '-'),
        ]),
      ),
      true,
    ),
    ...GOACCESS_TITLES.map(([name, title, key]) =>
      section(
        `panel-${name}`,
        title,
        goaccessPanelHtml(report, name, key),
        name === 'requests' || name === 'not_found',
      ),
    ),
    section(
      'clients',
      'Clients',
      tableHtml(
        ['client', 'kind', 'hits', '4xx', '5xx', 'errors'],
        report.clients.map((c) => [
          c.client,
          c.kind,
          num(formatCount(c.hits)),
          num(formatCount(c.errors_4xx)),
          num(formatCount(c.errors_5xx)),
          num(formatRate(c.error_rate)),
        ]),
      ),
    ),
    ...(report.latency
      ? [
          section(
            'latency',
            'Response time (ms)',
            tableHtml(
              ['requests', 'p50', 'p90', 'p99', 'max'],
              [
                [
                  formatCount(report.latency.count),
                  num(formatCount(report.latency.p50_ms)),
                  num(formatCount(report.latency.p90_ms)),
                  num(formatCount(report.latency.p99_ms)),
                  num(formatCount(report.latency.max_ms)),
                ],
              ],
            ),
          ),
        ]
      : []),
    ...(report.skipped.total
      ? [
          section(
            'skipped',
            'Skipped lines',
            tableHtml(
              ['reason', 'lines'],
              Object.entries(report.skipped.by_reason).map(([r, n]) => [r, num(formatCount(n))]),
            ),
          ),
        ]
      : []),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
${live.refreshSeconds ? `<meta http-equiv="refresh" content="${live.refreshSeconds}">` : ''}<title>forte-cli logs report</title>
<style>${css}
*{box-sizing:border-box}body{font:14px system-ui,sans-serif;margin:0;padding:16px;color:#222;background:#f6f7f9}
h1{font-size:20px;margin:0 0 12px}h2{font-size:15px;margin:0 0 8px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px;margin-bottom:12px}
.card{background:#fff;border:1px solid #e2e4e8;border-radius:6px;padding:8px 10px}.card b{display:block;font-size:18px;overflow-wrap:anywhere}
.card span{color:#666;font-size:12px}.card b.t{font-size:14px}
.panels{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,460px),1fr));gap:12px}
.panel{background:#fff;border:1px solid #e2e4e8;border-radius:6px;padding:12px;min-width:0}.panel.wide{grid-column:1/-1}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f4f5f7;font-weight:600}.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.k{overflow-wrap:anywhere;white-space:pre-wrap;min-width:8em}
svg{width:100%;height:auto;display:block}svg text{font:12px system-ui,sans-serif;fill:#222}
.note,.empty{color:#666;font-size:12px;margin:6px 0 0}.bad{color:#b42318;margin:0 0 12px}
@media (max-width:600px){body{padding:8px}.panel{padding:8px}td,th{padding:3px 4px}td.k{min-width:6em}}</style></head>
<body>
<h1>Access log report</h1>
<div class="cards" id="general">${cards.map(([label, value]) => `<div class="card"><span>${escapeHtml(label)}</span><b${value.length > 12 ? ' class="t"' : ''}>${escapeHtml(value)}</b></div>`).join('')}</div>
${inputErrors(report)}<div class="panels">
${sections.join('\n')}
</div>
<script>${script}</script>
<script>
const data = ${scriptJson(timeline)};
const target = document.getElementById('hits-over-time');
const count = (v) => v == null ? '-' : Math.round(v).toLocaleString('en-US');
const size = () => ({ width: Math.max(240, target.clientWidth), height: window.innerWidth < 600 ? 220 : 300 });
const plot = new uPlot({
  ...size(),
  scales: { x: { time: true } },
  // x is the log's own wall clock: drawn as UTC, the axis reads the log's time (${offset}).
  tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
  series: [{}, { label: 'hits', stroke: '#3a7bd5', fill: 'rgba(58,123,213,0.15)', width: 2, value: (u, v) => count(v) },
    { label: 'hits (partial hour, per hour)', stroke: '#3a7bd5', dash: [6, 4], width: 2, value: (u, v) => count(v) },
    { label: 'errors (4xx+5xx)', stroke: '#d64541', width: 2, value: (u, v) => count(v) },
    { label: 'errors (partial hour, per hour)', stroke: '#d64541', dash: [6, 4], width: 2, value: (u, v) => count(v) }],
  axes: [{}, { values: (u, ticks) => ticks.map((t) => t.toLocaleString('en-US')), size: 60 }],
}, [data.x, data.hits, data.partialHits, data.errors, data.partialErrors], target);
window.addEventListener('resize', () => plot.setSize(size()));
</script>
</body></html>
`;
}

/** The inputs that could not be read (or, in --follow, are not there yet), as the terminal report lists them. */
function inputErrors(report: AccessLogReport): string {
  const failed = report.inputs.filter((input) => input.error);
  if (!failed.length) return '';
  return `<ul class="bad" id="input-errors">${failed.map((input) => `<li>${escapeHtml(`${input.name}: ${input.error}`)}</li>`).join('')}</ul>\n`;
}
