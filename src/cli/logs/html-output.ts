import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AccessLogReport } from '../../adapters/log-analysis/access-log-report';

/** uPlot's browser build and stylesheet, inlined so the report works offline and from any path. */
function uplotAssets(): { script: string; css: string } {
  const dist = dirname(require.resolve('uplot/dist/uPlot.iife.min.js'));
  return { script: readFileSync(join(dist, 'uPlot.iife.min.js'), 'utf8'), css: readFileSync(join(dist, 'uPlot.min.css'), 'utf8') };
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON for a <script> block: `<` escaped so no value can close the tag. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

const STATUS_COLOURS: Record<string, string> = { '1xx': '#8e8e8e', '2xx': '#2e9d4f', '3xx': '#3a7bd5', '4xx': '#e3a21a', '5xx': '#d64541' };

/** The status mix as one stacked SVG bar with a legend. */
function statusMixSvg(classes: Record<string, number>): string {
  const total = Object.values(classes).reduce((sum, n) => sum + n, 0) || 1;
  let x = 0;
  const bars: string[] = [];
  const legend: string[] = [];
  Object.entries(classes).forEach(([cls, hits], index) => {
    const width = (hits / total) * 600;
    bars.push(`<rect x="${x.toFixed(2)}" y="0" width="${width.toFixed(2)}" height="40" fill="${STATUS_COLOURS[cls] ?? '#777'}"><title>${cls}: ${hits}</title></rect>`);
    legend.push(`<rect x="${index * 120}" y="56" width="12" height="12" fill="${STATUS_COLOURS[cls] ?? '#777'}"/><text x="${index * 120 + 18}" y="67">${cls} ${((hits / total) * 100).toFixed(1)}%</text>`);
    x += width;
  });
  return `<svg id="status-mix" viewBox="0 0 600 80" width="600" height="80" role="img" aria-label="Status mix">${bars.join('')}${legend.join('')}</svg>`;
}

/** Slowest routes by p99 (or busiest routes when the log has no times) as horizontal SVG bars. */
function slowRoutesSvg(report: AccessLogReport): string {
  const timed = report.routes.filter((r) => r.latency).sort((a, b) => b.latency!.p99_ms - a.latency!.p99_ms).slice(0, 10);
  const rows = timed.length ? timed.map((r) => ({ label: r.route, value: r.latency!.p99_ms, text: `p99 ${r.latency!.p99_ms} ms` }))
    : report.routes.slice(0, 10).map((r) => ({ label: r.route, value: r.hits, text: `${r.hits} hits` }));
  const max = Math.max(1, ...rows.map((r) => r.value));
  const bars = rows.map((row, i) => {
    const y = i * 28;
    const width = Math.max(2, (row.value / max) * 300);
    return `<text x="0" y="${y + 17}">${escapeHtml(row.label.slice(0, 40))}</text><rect x="290" y="${y + 4}" width="${width.toFixed(2)}" height="18" fill="#3a7bd5"/><text x="${(296 + width).toFixed(2)}" y="${y + 17}">${escapeHtml(row.text)}</text>`;
  });
  const height = Math.max(28, rows.length * 28);
  const title = timed.length ? 'Slowest routes (p99)' : 'Busiest routes (the log has no response times)';
  return `<h2>${title}</h2><svg id="slow-routes" viewBox="0 0 720 ${height}" width="720" height="${height}" role="img" aria-label="${title}">${bars.join('')}</svg>`;
}

function tableHtml(head: string[], rows: (string | number)[][]): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const trs = rows.map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(String(c))}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table>`;
}

/** One self-contained HTML file: inline uPlot for hits over time, SVG for the status mix and slowest routes. */
export function renderHtml(report: AccessLogReport): string {
  const { script, css } = uplotAssets();
  const g = report.general;
  const timeline = {
    x: report.timeline.map((t) => Date.parse(`${t.time}:00Z`) / 1000),
    hits: report.timeline.map((t) => t.hits),
    errors: report.timeline.map((t) => t.errors_4xx + t.errors_5xx),
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>forte-cli logs report</title>
<style>${css}
body{font:14px system-ui,sans-serif;margin:24px;color:#222}h1{font-size:20px}h2{font-size:16px;margin-top:28px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}th{background:#f4f4f4}
svg text{font:12px system-ui,sans-serif;fill:#222}</style></head>
<body>
<h1>Access log report</h1>
${tableHtml(['total', 'valid', 'failed', 'visitors', 'unique requests', 'static files', 'unique 404', 'bandwidth', 'from', 'to'], [[
    g.total_requests, g.valid_requests, g.failed_requests, g.unique_visitors, g.unique_files, g.unique_static_files, g.unique_not_found,
    g.bandwidth, g.start_date ?? '-', g.end_date ?? '-']])}
<h2>Hits over time (per hour, log time)</h2><div id="hits-over-time"></div>
<h2>Status mix</h2>${statusMixSvg(report.status_classes)}
${slowRoutesSvg(report)}
<h2>Routes</h2>${tableHtml(['route', 'hits', 'error rate', 'p50 ms', 'p99 ms'], report.routes.map((r) => [r.route, r.hits, r.error_rate, r.latency?.p50_ms ?? '-', r.latency?.p99_ms ?? '-']))}
<h2>Status codes</h2>${tableHtml(['status', 'hits'], Object.entries(report.status_codes))}
<h2>Clients</h2>${tableHtml(['client', 'kind', 'hits', 'error rate'], report.clients.map((c) => [c.client, c.kind, c.hits, c.error_rate]))}
<h2>Hosts</h2>${tableHtml(['host', 'hits', 'bytes'], report.hosts.map((h) => [h.host, h.hits, h.bytes]))}
<script>${script}</script>
<script>
const data = ${scriptJson(timeline)};
const target = document.getElementById('hits-over-time');
new uPlot({
  width: Math.min(1000, document.body.clientWidth - 20), height: 300,
  scales: { x: { time: true } },
  tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
  series: [{}, { label: 'hits', stroke: '#3a7bd5', fill: 'rgba(58,123,213,0.15)', width: 2 },
    { label: 'errors (4xx+5xx)', stroke: '#d64541', width: 2 }],
  axes: [{}, {}],
}, [data.x, data.hits, data.errors], target);
</script>
</body></html>
`;
}
