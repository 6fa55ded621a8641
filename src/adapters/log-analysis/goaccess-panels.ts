import { AccessLogAnalyser, RequestKind } from './access-log-analyser';
import { statusClass, statusLabel } from './goaccess-status';

/** One row of a GoAccess panel; nested panels (os, browsers, status codes) have their items under a category. */
export interface PanelRow {
  data: string;
  hits: number;
  visitors: number;
  bytes: number;
  method?: string;
  protocol?: string;
  items?: PanelRow[];
}

export interface Panel {
  /** Rows by hits, heaviest first, cut after `cap` rows (keeping every row tied with the last one kept). */
  rows: PanelRow[];
  /** The panel's leaves (items of nested panels), as GoAccess's `metadata.data.total`. */
  itemCount: number;
  /** Sum, mean (rounded down), maximum and minimum over the leaves. */
  metrics: Record<'hits' | 'visitors' | 'bytes', { total: number; avg: number; max: number; min: number }>;
}

export const PANEL_NAMES = [
  'visitors', 'requests', 'static_requests', 'not_found', 'hosts', 'os', 'browsers', 'visit_time', 'referring_sites', 'status_codes',
] as const;
export type PanelName = (typeof PANEL_NAMES)[number];

const byHits = (x: PanelRow, y: PanelRow): number => y.hits - x.hits || (x.data < y.data ? -1 : x.data > y.data ? 1 : 0);

function panel(leaves: PanelRow[], rows: PanelRow[], cap: number, itemCount = leaves.length): Panel {
  rows.sort(byHits);
  for (const row of rows) row.items?.sort(byHits);
  let keep = Math.min(cap, rows.length);
  while (keep > 0 && keep < rows.length && rows[keep]!.hits === rows[keep - 1]!.hits) keep++;
  const metric = (pick: (row: PanelRow) => number) => {
    let total = 0;
    let max = 0;
    let min = leaves.length ? Infinity : 0;
    for (const leaf of leaves) {
      const value = pick(leaf);
      total += value;
      if (value > max) max = value;
      if (value < min) min = value;
    }
    return { total, avg: itemCount ? Math.floor(total / itemCount) : 0, max, min };
  };
  return {
    rows: rows.slice(0, keep),
    itemCount,
    metrics: { hits: metric((r) => r.hits), visitors: metric((r) => r.visitors), bytes: metric((r) => r.bytes) },
  };
}

const flat = (rows: PanelRow[], cap: number, itemCount?: number): Panel => panel(rows, rows, cap, itemCount);

/** Groups leaves under their category: the category's counts are its items' sums, as GoAccess's root rows. */
function nested(leaves: { type: string; row: PanelRow }[], cap: number): Panel {
  const roots = new Map<string, PanelRow>();
  for (const { type, row } of leaves) {
    const root = roots.get(type) ?? { data: type, hits: 0, visitors: 0, bytes: 0, items: [] };
    root.hits += row.hits;
    root.visitors += row.visitors;
    root.bytes += row.bytes;
    root.items!.push(row);
    roots.set(type, root);
  }
  return panel(leaves.map((l) => l.row), [...roots.values()], cap);
}

/**
 * Adds hits and bytes into the row of (category, name), making the row when it is the first. Visitors are the
 * item's own count (GoAccess counts them per item, not per agent or status code), so they are set, not added.
 */
function accumulate(into: Map<string, { type: string; row: PanelRow }>, type: string, name: string, hits: number, visitors: number, bytes: number): void {
  const key = `${type}\u0000${name}`;
  const entry = into.get(key) ?? { type, row: { data: name, hits: 0, visitors, bytes: 0 } };
  entry.row.hits += hits;
  entry.row.bytes += bytes;
  into.set(key, entry);
}

const dayText = (key: number): string => String(key).padStart(8, '0');

/** Every panel of GoAccess's report, counted by its rules (docs/logs.md), each cut at `cap` rows. */
export function goaccessPanels(a: AccessLogAnalyser, cap: number, describeRequest: (id: number) => { url: string; method: string | null; protocol: string | null }): Record<PanelName, Panel> {
  const requestPanels = new Map<RequestKind, PanelRow[]>([[RequestKind.Request, []], [RequestKind.Static, []], [RequestKind.NotFound, []]]);
  for (let id = 0; id < a.requests.size; id++) {
    const notFoundHits = a.notFoundHits.get(id);
    const otherHits = a.requestColumns.hits.get(id) - notFoundHits;
    if (!notFoundHits && !otherHits) continue;
    const { url, method, protocol } = describeRequest(id);
    const row = (hits: number, visitors: number, bytes: number): PanelRow => ({ data: url, hits, visitors, bytes, method: method ?? '---', protocol: protocol ?? '---' });
    if (notFoundHits) requestPanels.get(RequestKind.NotFound)!.push(row(notFoundHits, 0, a.notFoundBytes.get(id)));
    if (otherHits) {
      const kind = a.requestKinds.get(id) & 0x80 ? RequestKind.Static : RequestKind.Request;
      const visitors = kind === RequestKind.Static ? a.staticVisitors.get(id) : a.requestVisitors.get(id);
      requestPanels.get(kind)!.push(row(otherHits, visitors, a.requestColumns.bytes.get(id) - a.notFoundBytes.get(id)));
    }
  }

  const systems = new Map<string, { type: string; row: PanelRow }>();
  const browsers = new Map<string, { type: string; row: PanelRow }>();
  const { systems: systemNames, browsers: browserNames } = a.agentPanels;
  for (let id = 0; id < a.agents.size; id++) {
    const hits = a.agentColumns.hits.get(id);
    const at = a.agentPanels.offsetOf(id);
    const keys = a.agentPanels.table;
    if (!hits || keys[at]! < 0) continue;
    const bytes = a.agentColumns.bytes.get(id);
    accumulate(systems, systemNames.names[keys[at + 1]!]!, systemNames.names[keys[at]!]!, hits, a.systemVisitors.get(keys[at]!), bytes);
    accumulate(browsers, browserNames.names[keys[at + 3]!]!, browserNames.names[keys[at + 2]!]!, hits, a.browserVisitors.get(keys[at + 2]!), bytes);
  }

  const statuses: { type: string; row: PanelRow }[] = [];
  a.statusCounts.forEach((hits, code) => {
    const label = statusLabel(code);
    if (hits) statuses.push({ type: statusClass(code), row: { data: label, hits, visitors: a.statusVisitors.get(label === 'Unknown' ? 0 : code), bytes: a.statusBytes[code]! } });
  });
  // Codes without a label share GoAccess's one "Unknown" item of their class.
  const statusLeaves = new Map<string, { type: string; row: PanelRow }>();
  for (const s of statuses) accumulate(statusLeaves, s.type, s.row.data, s.row.hits, s.row.visitors, s.row.bytes);

  const hosts: PanelRow[] = [];
  for (let id = 0; id < a.hosts.size; id++) {
    hosts.push({ data: a.hosts.text(id), hits: a.hostColumns.hits.get(id), visitors: a.hostVisitors.get(id), bytes: a.hostColumns.bytes.get(id) });
  }
  const sites: PanelRow[] = [];
  for (let id = 0; id < a.sites.size; id++) {
    sites.push({ data: a.sites.text(id), hits: a.siteColumns.hits.get(id), visitors: a.siteVisitors.get(id), bytes: a.siteColumns.bytes.get(id) });
  }
  const hours: PanelRow[] = [];
  a.hourOfDayHits.forEach((hits, hour) => {
    if (hits) hours.push({ data: String(hour).padStart(2, '0'), hits, visitors: a.hourOfDayVisitors.get(hour), bytes: a.hourOfDayBytes[hour]! });
  });
  const days = [...a.days.map.entries()].map(([key, day]) => ({ data: dayText(key), hits: day.hits, visitors: day.visitors, bytes: day.bytes }));

  return {
    visitors: flat(days, cap),
    requests: flat(requestPanels.get(RequestKind.Request)!, cap, a.uniqueRequests(RequestKind.Request)),
    static_requests: flat(requestPanels.get(RequestKind.Static)!, cap, a.uniqueRequests(RequestKind.Static)),
    not_found: flat(requestPanels.get(RequestKind.NotFound)!, cap, a.uniqueRequests(RequestKind.NotFound)),
    hosts: flat(hosts, cap),
    os: nested([...systems.values()], cap),
    browsers: nested([...browsers.values()], cap),
    visit_time: flat(hours, cap),
    referring_sites: flat(sites, cap),
    status_codes: nested([...statusLeaves.values()], cap),
  };
}
