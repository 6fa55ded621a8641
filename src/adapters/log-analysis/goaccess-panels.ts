import { AccessLogAnalyser, RequestKind } from './access-log-analyser';
import { statusClass, statusLabel } from './goaccess-status';
import { kthLargest } from './kth-largest';
import { SortedHashes } from './sorted-hashes';

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

/** A big flat panel's rows by id: counts read as numbers, a row made only for the ids that make the cut. */
interface Leaves {
  ids: Int32Array;
  hits(id: number): number;
  visitors(id: number): number;
  bytes(id: number): number;
  row(id: number): PanelRow;
}

/**
 * A flat panel of many rows (requests, hosts) without a row object or a sort per key: the metrics from the counts,
 * then rows only for the keys at or above the `cap`-th heaviest hits.
 */
function flatPanel(leaves: Leaves, cap: number, itemCount = leaves.ids.length): Panel {
  const { ids } = leaves;
  const metric = () => ({ total: 0, avg: 0, max: 0, min: ids.length ? Infinity : 0 });
  const metrics = { hits: metric(), visitors: metric(), bytes: metric() };
  const note = (m: ReturnType<typeof metric>, value: number): void => {
    m.total += value;
    if (value > m.max) m.max = value;
    if (value < m.min) m.min = value;
  };
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    note(metrics.hits, leaves.hits(id));
    note(metrics.visitors, leaves.visitors(id));
    note(metrics.bytes, leaves.bytes(id));
  }
  for (const m of Object.values(metrics)) m.avg = itemCount ? Math.floor(m.total / itemCount) : 0;
  const threshold = ids.length > cap ? kthLargest(ids.length, (i) => leaves.hits(ids[i]!), cap) : 0;
  const rows: PanelRow[] = [];
  for (let i = 0; i < ids.length; i++) if (leaves.hits(ids[i]!) >= threshold) rows.push(leaves.row(ids[i]!));
  rows.sort(byHits);
  return { rows, itemCount, metrics };
}

const flat = (rows: PanelRow[], cap: number, itemCount?: number): Panel => panel(rows, rows, cap, itemCount);

/**
 * Keys grouped as GoAccess's djb2-keyed maps group them: two keys whose hashes collide are one row there, under
 * the first one's name, with both keys' counts. The ids left are written over the leaves' own.
 */
function mergeCollisions(leaves: Leaves, hashOf: (id: number) => number, hashes: SortedHashes): Leaves {
  const sorted = hashes.of(
    leaves.ids.length,
    () => true,
    (i) => hashOf(leaves.ids[i]!),
  );
  const colliding = new Set<number>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) colliding.add(sorted[i]!);
  if (!colliding.size) return leaves;
  const first = new Map<number, number>();
  const merged = new Map<number, number[]>();
  const primaries = leaves.ids;
  let count = 0;
  for (let i = 0; i < leaves.ids.length; i++) {
    const id = leaves.ids[i]!;
    const hash = hashOf(id);
    const owner = colliding.has(hash) ? first.get(hash) : undefined;
    if (owner === undefined) {
      if (colliding.has(hash)) first.set(hash, id);
      primaries[count++] = id;
    } else merged.set(owner, [...(merged.get(owner) ?? []), id]);
  }
  if (!merged.size) return leaves;
  const sum = (count: (id: number) => number) => (id: number) => {
    let total = count(id);
    for (const other of merged.get(id) ?? NONE) total += count(other);
    return total;
  };
  const [hits, visitors, bytes] = [sum(leaves.hits), sum(leaves.visitors), sum(leaves.bytes)];
  return {
    ids: primaries.subarray(0, count),
    hits,
    visitors,
    bytes,
    row: (id) => ({ ...leaves.row(id), hits: hits(id), visitors: visitors(id), bytes: bytes(id) }),
  };
}

const NONE: readonly number[] = [];

/** The ids 0 … size-1. */
const allIds = (size: number): Int32Array => idsWhere(size, () => true);

/**
 * The ids below `size` that `keep` accepts, in a typed array: the report is built after the counting state is
 * dropped, and memory freed from typed arrays is reused by typed arrays, where a list of numbers would take fresh
 * heap and raise the peak.
 */
function idsWhere(size: number, keep: (id: number) => boolean): Int32Array {
  let count = 0;
  for (let id = 0; id < size; id++) if (keep(id)) count++;
  const ids = new Int32Array(count);
  count = 0;
  for (let id = 0; id < size; id++) if (keep(id)) ids[count++] = id;
  return ids;
}

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

/** Every panel of GoAccess's report, counted by its rules (docs/logs.md), each cut at `cap` rows. */
export function goaccessPanels(
  a: AccessLogAnalyser,
  cap: number,
  describeRequest: (id: number) => { url: string; method: string | null; protocol: string | null },
  hashes: SortedHashes,
): Record<PanelName, Panel> {
  // Few keys had a 404 (their kind says so): only theirs are looked up in the not-found panel's sparse counts.
  const hadNotFound = (id: number): boolean => (a.requestKinds.get(id) & RequestKind.NotFound) !== 0;
  const notFoundHits = (id: number): number => (hadNotFound(id) ? a.notFoundHits.get(id) : 0);
  const notFoundBytes = (id: number): number => (hadNotFound(id) ? a.notFoundBytes.get(id) : 0);
  const served = (id: number): boolean => a.requestColumns.hits.get(id) > notFoundHits(id);
  const isStatic = (id: number): boolean => (a.requestKinds.get(id) & 0x80) !== 0;
  const notFoundIds = idsWhere(a.requests.size, hadNotFound);
  const requestIds = idsWhere(a.requests.size, (id) => served(id) && !isStatic(id));
  const staticIds = idsWhere(a.requests.size, (id) => served(id) && isStatic(id));
  const requestRow = (hits: number, visitors: number, bytes: number, id: number): PanelRow => {
    const { url, method, protocol } = describeRequest(id);
    return { data: url, hits, visitors, bytes, method: method ?? '---', protocol: protocol ?? '---' };
  };
  const otherHits = (id: number): number => a.requestColumns.hits.get(id) - notFoundHits(id);
  const otherBytes = (id: number): number => a.requestColumns.bytes.get(id) - notFoundBytes(id);
  const requestHash = (id: number): number => a.requests.djb2(id);
  const servedLeaves = (ids: Int32Array, visitors: (id: number) => number): Leaves =>
    mergeCollisions(
      {
        ids,
        hits: otherHits,
        visitors,
        bytes: otherBytes,
        row: (id) => requestRow(otherHits(id), visitors(id), otherBytes(id), id),
      },
      requestHash,
      hashes,
    );
  const notFoundLeaves = mergeCollisions(
    {
      ids: notFoundIds,
      hits: (id) => a.notFoundHits.get(id),
      visitors: () => 0,
      bytes: (id) => a.notFoundBytes.get(id),
      row: (id) => requestRow(a.notFoundHits.get(id), 0, a.notFoundBytes.get(id), id),
    },
    requestHash,
    hashes,
  );

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

  const hostLeaves = mergeCollisions(
    {
      ids: allIds(a.hosts.size),
      hits: (id) => a.hostColumns.hits.get(id),
      visitors: (id) => a.hostVisitors.get(id),
      bytes: (id) => a.hostColumns.bytes.get(id),
      row: (id) => ({
        data: a.hosts.text(id),
        hits: a.hostColumns.hits.get(id),
        visitors: a.hostVisitors.get(id),
        bytes: a.hostColumns.bytes.get(id),
      }),
    },
    (id) => a.hostHashes.get(id),
    hashes,
  );
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
    requests: flatPanel(
      servedLeaves(requestIds, (id) => a.requestVisitors.get(id)),
      cap,
    ),
    static_requests: flatPanel(
      servedLeaves(staticIds, (id) => a.staticVisitors.get(id)),
      cap,
    ),
    not_found: flatPanel(notFoundLeaves, cap),
    hosts: flatPanel(hostLeaves, cap),
    os: nested([...systems.values()], cap),
    browsers: nested([...browsers.values()], cap),
    visit_time: flat(hours, cap),
    referring_sites: flat(sites, cap),
    status_codes: nested([...statusLeaves.values()], cap),
  };
}
