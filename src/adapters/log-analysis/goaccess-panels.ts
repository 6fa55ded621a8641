import { AccessLogAnalyser, RequestKind } from './access-log-analyser';
import { statusClass, statusLabel } from './goaccess-status';
import { kthLargest } from './kth-largest';
import { CollidingHashes, collidingHashes } from './colliding-hashes';
import { LeafColumns } from './leaf-columns';
import { PanelVisitors } from './panel-visitors';

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
  'visitors',
  'requests',
  'static_requests',
  'not_found',
  'hosts',
  'os',
  'browsers',
  'visit_time',
  'referring_sites',
  'status_codes',
] as const;
export type PanelName = (typeof PANEL_NAMES)[number];

const byHits = (x: PanelRow, y: PanelRow): number =>
  y.hits - x.hits || (x.data < y.data ? -1 : x.data > y.data ? 1 : 0);

/** Rows by date, latest first: GoAccess's order for its visitors panel (and so which days its max-items keeps). */
const byDateDescending = (x: PanelRow, y: PanelRow): number => (x.data < y.data ? 1 : x.data > y.data ? -1 : 0);

function panel(leaves: PanelRow[], rows: PanelRow[], cap: number, itemCount = leaves.length, order = byHits): Panel {
  rows.sort(order);
  for (const row of rows) row.items?.sort(byHits);
  let keep = Math.min(cap, rows.length);
  while (order === byHits && keep > 0 && keep < rows.length && rows[keep]!.hits === rows[keep - 1]!.hits) keep++;
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

/**
 * A flat panel of many rows (requests, hosts) without a row object or a sort per key: the metrics from the leaves,
 * then rows only for the keys at or above the `cap`-th heaviest hits.
 */
function flatPanel(
  leaves: LeafColumns,
  cap: number,
  row: (id: number, hits: number, visitors: number, bytes: number) => PanelRow,
): Panel {
  const { count, ids, hits } = leaves;
  const metric = () => ({ total: 0, avg: 0, max: 0, min: count ? Infinity : 0 });
  const metrics = { hits: metric(), visitors: metric(), bytes: metric() };
  const note = (m: ReturnType<typeof metric>, value: number): void => {
    m.total += value;
    if (value > m.max) m.max = value;
    if (value < m.min) m.min = value;
  };
  for (let leaf = 0; leaf < count; leaf++) {
    note(metrics.hits, hits[leaf]!);
    note(metrics.visitors, leaves.visitors(leaf));
    note(metrics.bytes, leaves.bytes(leaf));
  }
  for (const m of Object.values(metrics)) m.avg = count ? Math.floor(m.total / count) : 0;
  const threshold = count > cap ? kthLargest(count, (leaf) => hits[leaf]!, cap) : 0;
  const rows: PanelRow[] = [];
  for (let leaf = 0; leaf < count; leaf++)
    if (hits[leaf]! >= threshold) rows.push(row(ids[leaf]!, hits[leaf]!, leaves.visitors(leaf), leaves.bytes(leaf)));
  rows.sort(byHits);
  return { rows, itemCount: count, metrics };
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
  return panel(
    leaves.map((l) => l.row),
    [...roots.values()],
    cap,
  );
}

/**
 * Adds hits and bytes into the row of (category, name), making the row when it is the first. Visitors are the
 * item's own count (GoAccess counts them per item, not per agent or status code), so they are set, not added.
 */
function accumulate(
  into: Map<string, { type: string; row: PanelRow }>,
  type: string,
  name: string,
  hits: number,
  visitors: number,
  bytes: number,
): void {
  const key = `${type}\u0000${name}`;
  const entry = into.get(key) ?? { type, row: { data: name, hits: 0, visitors, bytes: 0 } };
  entry.row.hits += hits;
  entry.row.bytes += bytes;
  into.set(key, entry);
}

const dayText = (key: number): string => String(key).padStart(8, '0');

/**
 * Every panel of GoAccess's report, counted by its rules (docs/logs.md), each cut at `cap` rows. `leaves` serve the
 * flat panels one after another; `requestCollisions` are the djb2 hashes that more than one request key has.
 */
export function goaccessPanels(
  a: AccessLogAnalyser,
  cap: number,
  describeRequest: (id: number) => { url: string; method: string | null; protocol: string | null },
  leaves: LeafColumns,
  requestCollisions: CollidingHashes,
): Record<PanelName, Panel> {
  const requestRow = (id: number, hits: number, visitors: number, bytes: number): PanelRow => {
    const { url, method, protocol } = describeRequest(id);
    return { data: url, hits, visitors, bytes, method: method ?? '---', protocol: protocol ?? '---' };
  };
  const requestHash = (id: number): number => a.requests.djb2(id);
  // A served key's own counts are its hits and bytes but those of its 404s (few keys had a 404: their kind says so).
  const hadNotFound = (id: number): boolean => (a.requestKinds.get(id) & RequestKind.NotFound) !== 0;
  const servedBytes = (id: number): number =>
    a.requestColumns.bytes.get(id) - (hadNotFound(id) ? a.notFoundBytes.get(id) : 0);
  const servedPanel = (isStatic: boolean, visitors: PanelVisitors): Panel => {
    leaves.clear((id) => visitors.get(id), servedBytes);
    for (let id = 0; id < a.requests.size; id++) {
      const kind = a.requestKinds.get(id);
      // Bit 0x80: static by its extension (see AccessLogAnalyser).
      if (((kind & 0x80) !== 0) !== isStatic) continue;
      const hits = a.requestColumns.hits.get(id) - (kind & RequestKind.NotFound ? a.notFoundHits.get(id) : 0);
      if (hits > 0) leaves.push(id, hits);
    }
    leaves.mergeColliding(requestHash, requestCollisions);
    return flatPanel(leaves, cap, requestRow);
  };
  const requests = servedPanel(false, a.requestVisitors);
  const staticRequests = servedPanel(true, a.staticVisitors);
  leaves.clear(
    () => 0,
    (id) => a.notFoundBytes.get(id),
  );
  for (let id = 0; id < a.requests.size; id++) if (hadNotFound(id)) leaves.push(id, a.notFoundHits.get(id));
  leaves.mergeColliding(requestHash, requestCollisions);
  const notFound = flatPanel(leaves, cap, requestRow);

  const systems = new Map<string, { type: string; row: PanelRow }>();
  const browsers = new Map<string, { type: string; row: PanelRow }>();
  const { systems: systemNames, browsers: browserNames } = a.agentPanels;
  for (let id = 0; id < a.agents.size; id++) {
    const hits = a.agentColumns.hits.get(id);
    const at = a.agentPanels.offsetOf(id);
    const keys = a.agentPanels.table;
    if (!hits || keys[at]! < 0) continue;
    const bytes = a.agentColumns.bytes.get(id);
    accumulate(
      systems,
      systemNames.names[keys[at + 1]!]!,
      systemNames.names[keys[at]!]!,
      hits,
      a.systemVisitors.get(keys[at]!),
      bytes,
    );
    accumulate(
      browsers,
      browserNames.names[keys[at + 3]!]!,
      browserNames.names[keys[at + 2]!]!,
      hits,
      a.browserVisitors.get(keys[at + 2]!),
      bytes,
    );
  }

  const statuses: { type: string; row: PanelRow }[] = [];
  a.statusCounts.forEach((hits, code) => {
    const label = statusLabel(code);
    if (hits)
      statuses.push({
        type: statusClass(code),
        row: {
          data: label,
          hits,
          visitors: a.statusVisitors.get(label === 'Unknown' ? 0 : code),
          bytes: a.statusBytes[code]!,
        },
      });
  });
  // Codes without a label share GoAccess's one "Unknown" item of their class.
  const statusLeaves = new Map<string, { type: string; row: PanelRow }>();
  for (const s of statuses) accumulate(statusLeaves, s.type, s.row.data, s.row.hits, s.row.visitors, s.row.bytes);

  const hostHash = (id: number): number => a.hostHashes.get(id);
  const hostCollisions = collidingHashes(a.hosts.size, hostHash, leaves.ids, leaves.hits);
  leaves.clear(
    (id) => a.hostVisitors.get(id),
    (id) => a.hostColumns.bytes.get(id),
  );
  for (let id = 0; id < a.hosts.size; id++) leaves.push(id, a.hostColumns.hits.get(id));
  leaves.mergeColliding(hostHash, hostCollisions);
  const hosts = flatPanel(leaves, cap, (id, hits, visitors, bytes) => ({
    data: a.hosts.text(id),
    hits,
    visitors,
    bytes,
  }));
  const sites: PanelRow[] = [];
  for (let id = 0; id < a.sites.size; id++) {
    sites.push({
      data: a.sites.text(id),
      hits: a.siteColumns.hits.get(id),
      visitors: a.siteVisitors.get(id),
      bytes: a.siteColumns.bytes.get(id),
    });
  }
  const hours: PanelRow[] = [];
  a.hourOfDayHits.forEach((hits, hour) => {
    if (hits)
      hours.push({
        data: String(hour).padStart(2, '0'),
        hits,
        visitors: a.hourOfDayVisitors.get(hour),
        bytes: a.hourOfDayBytes[hour]!,
      });
  });
  const days = [...a.days.map.entries()].map(([key, day]) => ({
    data: dayText(key),
    hits: day.hits,
    visitors: day.visitors,
    bytes: day.bytes,
  }));

  return {
    visitors: panel(days, days, cap, days.length, byDateDescending),
    requests,
    static_requests: staticRequests,
    not_found: notFound,
    hosts,
    os: nested([...systems.values()], cap),
    browsers: nested([...browsers.values()], cap),
    visit_time: flat(hours, cap),
    referring_sites: flat(sites, cap),
    status_codes: nested([...statusLeaves.values()], cap),
  };
}
