import { AccessLogReport } from '../../adapters/log-analysis/access-log-report';
import { formatCount, formatShare } from './readable-numbers';

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STATUS_COLOURS: Record<string, string> = {
  '1xx': '#8e8e8e',
  '2xx': '#2e9d4f',
  '3xx': '#3a7bd5',
  '4xx': '#e3a21a',
  '5xx': '#d64541',
};

/** The status mix as one stacked bar with a legend; it scales to its box (viewBox, no fixed width). */
export function statusMixSvg(classes: Record<string, number>): string {
  const total = Object.values(classes).reduce((sum, n) => sum + n, 0);
  let x = 0;
  const bars: string[] = [];
  const legend: string[] = [];
  Object.entries(classes).forEach(([cls, hits], index) => {
    const width = total ? (hits / total) * 600 : 0;
    const colour = STATUS_COLOURS[cls] ?? '#777';
    bars.push(
      `<rect x="${x.toFixed(2)}" y="0" width="${width.toFixed(2)}" height="40" fill="${colour}"><title>${cls}: ${formatCount(hits)}</title></rect>`,
    );
    legend.push(
      `<rect x="${index * 120}" y="56" width="12" height="12" fill="${colour}"/><text x="${index * 120 + 18}" y="67">${cls} ${formatShare(hits, total)}</text>`,
    );
    x += width;
  });
  return `<svg id="status-mix" viewBox="0 0 600 80" preserveAspectRatio="xMinYMin meet" role="img" aria-label="Status mix">${bars.join('')}${legend.join('')}</svg>`;
}

/** Slowest routes by p99 (or busiest routes when the log has no times) as horizontal bars. */
export function slowRoutesSvg(report: AccessLogReport): { title: string; svg: string } {
  const timed = report.routes
    .filter((r) => r.latency)
    .sort((a, b) => b.latency!.p99_ms - a.latency!.p99_ms)
    .slice(0, 10);
  const rows = timed.length
    ? timed.map((r) => ({ label: r.route, value: r.latency!.p99_ms, text: `p99 ${formatCount(r.latency!.p99_ms)} ms` }))
    : report.routes.slice(0, 10).map((r) => ({ label: r.route, value: r.hits, text: `${formatCount(r.hits)} hits` }));
  const max = Math.max(1, ...rows.map((r) => r.value));
  const bars = rows.map((row, i) => {
    const y = i * 28;
    const width = Math.max(2, (row.value / max) * 300);
    return `<text x="0" y="${y + 17}">${escapeHtml(row.label.slice(0, 40))}</text><rect x="290" y="${y + 4}" width="${width.toFixed(2)}" height="18" fill="#3a7bd5"/><text x="${(296 + width).toFixed(2)}" y="${y + 17}">${escapeHtml(row.text)}</text>`;
  });
  const height = Math.max(28, rows.length * 28);
  const title = timed.length ? 'Slowest routes (p99)' : 'Busiest routes (the log has no response times)';
  return {
    title,
    svg: `<svg id="slow-routes" viewBox="0 0 720 ${height}" preserveAspectRatio="xMinYMin meet" role="img" aria-label="${title}">${bars.join('')}</svg>`,
  };
}
