import { AccessLogAnalyser, RequestKind } from './access-log-analyser';
import { ByteKeyTable } from './byte-key-table';
import { formatOffset, formatWallClock } from './civil-time';
import { HitColumns } from './counter-column';
import { LatencySummary } from './latency-histogram';
import { InputOutcome } from './input-outcome';
import { AgentClass, classifyAgent } from './user-agent-class';
import { isHttpMethod, isHttpProtocol } from './http-request-line';
import { goaccessPanels, Panel, PanelName } from './goaccess-panels';
import { collidingHashes } from './colliding-hashes';
import { LeafColumns } from './leaf-columns';

/** Rows per list panel (`--top`), and per GoAccess panel (`panels`, and `--goaccess-json`: its max-items). */
export interface ReportLimits {
  top: number;
  panelRows: number;
}

/** The `--json` report; its keys are documented in docs/logs.md and kept stable. */
export interface AccessLogReport {
  format: string;
  inputs: InputOutcome[];
  general: {
    total_requests: number;
    valid_requests: number;
    failed_requests: number;
    excluded_hits: number;
    /** `--follow` only: lines of a date closed before they came, counted without their visitors. */
    late_lines: number;
    unique_visitors: number;
    unique_files: number;
    unique_static_files: number;
    unique_not_found: number;
    unique_referrers: number;
    bandwidth: number;
    start_date: string | null;
    end_date: string | null;
  };
  skipped: {
    total: number;
    by_reason: Record<string, number>;
    samples: { input: string; line: number; reason: string; text: string }[];
  };
  status_codes: Record<string, number>;
  status_classes: Record<string, number>;
  requests: RequestRow[];
  static_requests: RequestRow[];
  not_found: RequestRow[];
  routes: RouteRow[];
  hosts: HitRow<'host'>[];
  clients: ClientRow[];
  user_agents: (HitRow<'agent'> & { kind: string; client: string })[];
  /** Every GoAccess panel, counted by its rules, with hits, visitors and bytes per row. */
  panels: Record<PanelName, Panel>;
  referrers: { referrer: string; hits: number }[];
  virtual_hosts: { vhost: string; hits: number }[];
  hits_per_hour: { hour: number; hits: number }[];
  hits_per_day: { date: string; hits: number; visitors: number; bytes: number }[];
  timeline: { time: string; hits: number; errors_4xx: number; errors_5xx: number }[];
  latency: LatencySummary | null;
}

interface Counts {
  hits: number;
  bytes: number;
  errors_4xx: number;
  errors_5xx: number;
  error_rate: number;
}
type HitRow<K extends string> = Record<K, string> & Counts;
export type RequestRow = HitRow<'url'> & { method: string | null; protocol: string | null };
export type RouteRow = HitRow<'route'> & { latency: LatencySummary | null };
export type ClientRow = { client: string; kind: string; agents: number } & Counts;

const counts = (columns: HitColumns, id: number): Counts => {
  const hits = columns.hits.get(id);
  const errors4xx = columns.clientErrors.get(id);
  const errors5xx = columns.serverErrors.get(id);
  return {
    hits,
    bytes: columns.bytes.get(id),
    errors_4xx: errors4xx,
    errors_5xx: errors5xx,
    error_rate: hits ? Math.round(((errors4xx + errors5xx) / hits) * 10000) / 10000 : 0,
  };
};

/** The ids of the `top` keys with the highest weight, heaviest first (ties: first seen first), without sorting all. */
function topIds(
  size: number,
  weight: (id: number) => number,
  top: number,
  keep: (id: number) => boolean = () => true,
): number[] {
  const ids: number[] = [];
  const weights: number[] = [];
  if (top <= 0) return ids;
  for (let id = 0; id < size; id++) {
    const w = weight(id);
    if (w <= 0 || (ids.length === top && w <= weights[top - 1]!) || !keep(id)) continue;
    let at = ids.length === top ? top - 1 : ids.length;
    while (at > 0 && weights[at - 1]! < w) at--;
    ids.splice(at, 0, id);
    weights.splice(at, 0, w);
    if (ids.length > top) {
      ids.pop();
      weights.pop();
    }
  }
  return ids;
}

const dateKeyText = (key: number): string =>
  `${String(Math.floor(key / 10000)).padStart(4, '0')}-${String(Math.floor(key / 100) % 100).padStart(2, '0')}-${String(key % 100).padStart(2, '0')}`;

const withOffset = (seconds: number, offset: number): string =>
  formatWallClock(seconds) + (Number.isNaN(offset) ? '' : formatOffset(offset));

/**
 * Turns the analyser's counters into the report, keeping the `top` rows of each list panel; an analyser that
 * counted GoAccess's panels alone (scope `panels`) leaves the lists empty.
 */
export function buildReport(
  result: { analyser: AccessLogAnalyser; format: string; inputs: InputOutcome[] },
  limits: ReportLimits,
): AccessLogReport {
  const a = result.analyser;
  const top = a.scope === 'all' ? limits.top : 0;
  const statusCodes: Record<string, number> = {};
  const statusClasses: Record<string, number> = {};
  a.statusCounts.forEach((count, code) => {
    if (!count) return;
    statusCodes[String(code)] = count;
    const cls = `${Math.floor(code / 100)}xx`;
    statusClasses[cls] = (statusClasses[cls] ?? 0) + count;
  });
  const agentRows = agentPanels(a, top);
  const keys = a.requestKeys(result.inputs.map((input) => input.name));
  const describeRequest = (id: number): RequestParts => splitRequestKey(keys.bytes(id));
  const leaves = new LeafColumns(Math.max(a.requests.size, a.hosts.size));
  // Sorted in the leaves' columns, which hold no leaves yet.
  const requestCollisions = collidingHashes(a.requests.size, (id) => a.requests.djb2(id), leaves.ids, leaves.hits);
  const unique = a.uniqueRequests(requestCollisions);
  let rows: Pick<AccessLogReport, 'requests' | 'static_requests' | 'not_found' | 'panels'>;
  try {
    rows = {
      requests: requestRows(a, top, RequestKind.Request, describeRequest),
      static_requests: requestRows(a, top, RequestKind.Static, describeRequest),
      not_found: requestRows(a, top, RequestKind.NotFound, describeRequest),
      panels: goaccessPanels(a, limits.panelRows, describeRequest, leaves, requestCollisions),
    };
  } finally {
    keys.close();
  }
  return {
    format: result.format,
    inputs: result.inputs,
    general: {
      total_requests: a.totalLines,
      valid_requests: a.validLines,
      failed_requests: a.failedLines,
      excluded_hits: a.excludedLines,
      late_lines: a.lateLines,
      unique_visitors: a.uniqueVisitors,
      unique_files: unique.requests,
      unique_static_files: unique.statics,
      unique_not_found: unique.notFound,
      unique_referrers: a.referrers.size,
      bandwidth: a.bandwidth,
      start_date: a.validLines ? withOffset(a.firstSeconds, a.firstOffset) : null,
      end_date: a.validLines ? withOffset(a.lastSeconds, a.lastOffset) : null,
    },
    skipped: { total: a.failedLines, by_reason: Object.fromEntries(a.faults), samples: a.samples },
    status_codes: statusCodes,
    status_classes: statusClasses,
    ...rows,
    routes: topIds(a.routes.size, (id) => a.routeColumns.hits.get(id), top).map((id) => ({
      route: a.routes.text(id),
      ...counts(a.routeColumns, id),
      latency: a.routeLatency[id]?.summary() ?? null,
    })),
    hosts: topIds(a.hosts.size, (id) => a.hostColumns.hits.get(id), top).map((id) => ({
      host: a.hosts.text(id),
      ...counts(a.hostColumns, id),
    })),
    ...agentRows,
    referrers: namedHits(a.referrers, (id) => a.referrerHits.get(id), top).map(([referrer, hits]) => ({
      referrer,
      hits,
    })),
    virtual_hosts: namedHits(a.vhosts, (id) => a.vhostHits.get(id), top).map(([vhost, hits]) => ({ vhost, hits })),
    hits_per_hour: [...a.hourOfDayHits].map((hits, hour) => ({ hour, hits })),
    hits_per_day: [...a.days.map.entries()]
      .sort((x, y) => x[0] - y[0])
      .map(([key, day]) => ({ date: dateKeyText(key), hits: day.hits, visitors: day.visitors, bytes: day.bytes })),
    timeline: [...a.timeline.map.entries()]
      .sort((x, y) => x[0] - y[0])
      .map(([hour, slot]) => ({
        time: formatWallClock(hour * 3600).slice(0, 16),
        hits: slot.hits,
        errors_4xx: slot.clientErrors,
        errors_5xx: slot.serverErrors,
      })),
    latency: a.overallLatency?.summary() ?? null,
  };
}

function namedHits(table: ByteKeyTable, hits: (id: number) => number, top: number): [string, number][] {
  return topIds(table.size, hits, top).map((id) => [table.text(id), hits(id)]);
}

function requestRows(
  a: AccessLogAnalyser,
  top: number,
  kind: RequestKind,
  describeRequest: (id: number) => RequestParts,
): RequestRow[] {
  const isKind = (id: number): boolean => (a.requestKinds.get(id) & kind) !== 0;
  // The not-found panel counts only the 404 hits of a key; the others count all of its hits.
  const weight =
    kind === RequestKind.NotFound
      ? (id: number) => a.notFoundHits.get(id)
      : (id: number) => a.requestColumns.hits.get(id);
  return topIds(a.requests.size, weight, top, isKind).map((id) => {
    const { url, method, protocol } = describeRequest(id);
    return {
      url,
      method,
      protocol,
      ...counts(a.requestColumns, id),
      hits: weight(id),
    };
  });
}

type RequestParts = { url: string; method: string | null; protocol: string | null };

/** A request key back into its parts: the URL, then `|METHOD|PROTOCOL` when the request line had them. */
function splitRequestKey(key: Buffer): RequestParts {
  const text = key.toString('latin1');
  const protocolBar = text.lastIndexOf('|');
  const methodBar = protocolBar > 0 ? text.lastIndexOf('|', protocolBar - 1) : -1;
  const method = methodBar >= 0 ? text.slice(methodBar + 1, protocolBar) : '';
  const protocol = text.slice(protocolBar + 1);
  if (methodBar < 0 || !isHttpMethod(method) || !isHttpProtocol(protocol))
    return { url: key.toString('utf8'), method: null, protocol: null };
  return { url: key.toString('utf8', 0, methodBar), method, protocol };
}

/** User agents and the clients they belong to (bots by name, browsers by family). */
function agentPanels(a: AccessLogAnalyser, top: number) {
  const clients = new Map<string, ClientRow>();
  const classes: AgentClass[] = [];
  for (let id = 0; id < a.agents.size; id++) {
    const cls = classifyAgent(a.agents.text(id));
    classes.push(cls);
    const row = counts(a.agentColumns, id);
    // The "-" and empty agents are kept from the start: a client of neither when no line had them.
    if (!row.hits) continue;
    const key = `${cls.kind}\u0000${cls.client}`;
    const client = clients.get(key) ?? {
      client: cls.client,
      kind: cls.kind,
      agents: 0,
      hits: 0,
      bytes: 0,
      errors_4xx: 0,
      errors_5xx: 0,
      error_rate: 0,
    };
    client.agents++;
    client.hits += row.hits;
    client.bytes += row.bytes;
    client.errors_4xx += row.errors_4xx;
    client.errors_5xx += row.errors_5xx;
    client.error_rate = Math.round(((client.errors_4xx + client.errors_5xx) / client.hits) * 10000) / 10000;
    clients.set(key, client);
  }
  return {
    clients: [...clients.values()].sort((x, y) => y.hits - x.hits || x.client.localeCompare(y.client)).slice(0, top),
    user_agents: topIds(a.agents.size, (id) => a.agentColumns.hits.get(id), top).map((id) => ({
      agent: a.agents.text(id),
      kind: classes[id]!.kind,
      client: classes[id]!.client,
      ...counts(a.agentColumns, id),
    })),
  };
}
