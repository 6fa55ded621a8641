import { ByteKeyTable } from './byte-key-table';
import { CollidingHashes, distinctCounts } from './colliding-hashes';
import { daysFromCivil } from './civil-time';
import { HitColumns, CounterColumn } from './counter-column';
import { HostTable } from './host-table';
import { DatedNumbers } from './dated-numbers';
import { dropMemory } from './dropped-memory';
import { LatencyHistogram } from './latency-histogram';
import { LineFault } from './log-format';
import { FIELD, LogRecord } from './log-record';
import { decodeUrlInto, RequestKeyBuilder } from './request-key';
import { RecentKeyMap } from './recent-key-map';
import { RequestKeyTable } from './request-key-table';
import { RouteTemplater } from './route-template';
import { RunColumn } from './run-column';
import { SparseColumn } from './sparse-column';
import { isStaticFile } from './static-files';
import { hasStatusLabel } from './goaccess-status';
import { AgentPanelKeys } from './agent-panel-keys';
import { FewKeysPanelVisitors } from './few-keys-panel-visitors';
import { OwnedPanelVisitors } from './owned-panel-visitors';
import { PanelVisitors } from './panel-visitors';

/** Which GoAccess panel a request key was seen in (a key can be in several: 404 once, 200 later). */
export const enum RequestKind {
  Request = 1,
  Static = 2,
  NotFound = 4,
}

export interface AnalysisFilters {
  /** Inclusive bounds in seconds; `local` compares the log's own wall clock, else UTC. */
  since?: { seconds: number; local: boolean };
  until?: { seconds: number; local: boolean };
  /** Decoded URL prefixes whose lines are left out. */
  ignorePaths?: string[];
  /** Only lines whose route template is this one. */
  route?: string;
}

/**
 * What the analysis counts: `all`, or only what GoAccess's panels and totals need (`panels`: `--goaccess-json`
 * alone), without routes, latency, error counts, referrers, virtual hosts and the timeline, which it does not print.
 */
export type AnalysisScope = 'all' | 'panels';

export interface SkippedLine {
  input: string;
  line: number;
  reason: LineFault | 'too-long';
  text: string;
}

const SAMPLE_LIMIT = 10;
/** What `release` drops, about, per visitor: its own numbers, the panels' key numbers and pairs (90 measured). */
const RELEASED_BYTES_PER_VISITOR = 80;
const SAMPLE_TEXT = 200;
const DASH = Buffer.from('-');

/**
 * The streaming aggregator behind every panel. Each line updates counters keyed by interned ids; nothing is kept
 * per line, so memory follows the number of distinct URLs, hosts, agents and days, not the length of the log.
 * GoAccess 1.7's default counting rules are followed for the totals (see docs/logs.md).
 */
export class AccessLogAnalyser {
  totalLines = 0;
  failedLines = 0;
  excludedLines = 0;
  validLines = 0;
  /** Lines of a date closed by closeThrough: their hits and bytes are counted, no visitor. */
  lateLines = 0;
  bandwidth = 0;
  readonly faults = new Map<string, number>();
  readonly samples: SkippedLine[] = [];

  readonly requests = new RequestKeyTable();
  readonly requestKinds = new CounterColumn(Uint8Array);
  readonly requestColumns: HitColumns;
  /** Few keys are 404s (some 5% in a big log): their counts are kept apart rather than in a column for every key. */
  readonly notFoundHits = new SparseColumn();
  readonly notFoundBytes = new SparseColumn();
  /** Visitors of each request key in the requests or static-requests panel (a 404 makes no visitor). */
  readonly requestVisitors = new PanelVisitors();
  readonly staticVisitors = new PanelVisitors();
  readonly requestRoutes = new CounterColumn();

  readonly routes = new ByteKeyTable();
  readonly routeColumns = new HitColumns();
  readonly routeLatency: LatencyHistogram[] = [];
  overallLatency: LatencyHistogram | null = null;

  readonly hosts = new HostTable();
  readonly hostColumns: HitColumns;
  readonly hostVisitors = new OwnedPanelVisitors();
  /** Each host's djb2 hash: GoAccess keys hosts by it, so two hosts that collide are one row there. */
  readonly hostHashes = new CounterColumn();
  /** The OS and browsers panels: each agent's keys there, and their visitors by item. */
  readonly agentPanels = new AgentPanelKeys((id) => this.agents.text(id));
  readonly systemVisitors = new OwnedPanelVisitors();
  readonly browserVisitors = new OwnedPanelVisitors();
  readonly agents = new ByteKeyTable();
  /** Agents as written, each mapped once to its decoded form: decoding every line's agent would cost more. */
  private readonly rawAgents = new ByteKeyTable();
  private readonly agentOfRaw = new CounterColumn();
  /**
   * The last raw agent seen at each length (mod 256): a log has few agents, so most lines find theirs here and
   * skip hashing some hundred bytes.
   */
  private readonly agentByLength = new Int32Array(256).fill(-1);
  readonly agentColumns: HitColumns;
  readonly referrers = new ByteKeyTable();
  readonly referrerHits = new CounterColumn();
  /** Referring sites: the referrer's host, as GoAccess's extract_referer_site. */
  readonly sites = new ByteKeyTable();
  readonly siteColumns: HitColumns;
  readonly siteVisitors = new PanelVisitors();
  readonly vhosts = new ByteKeyTable();
  readonly vhostHits = new CounterColumn();

  /** Every (host, agent, date) of a valid line, numbered as GoAccess numbers them, 4xx lines included. */
  private visitors = new DatedNumbers();
  /** Visitors counted: seen on at least one response that is not a 4xx. */
  private countedVisitors = new CounterColumn(Uint8Array);
  /** The date of each visitor, by GoAccess's visitor number. */
  private visitorDates = new RunColumn();
  private readonly visitorDate = (visitor: number): number => this.visitorDates.get(visitor - 1);
  uniqueVisitors = 0;
  /** The last date (YYYYMMDD) closeThrough closed; 0 while none is. */
  private closedThrough = 0;
  /** The newest day (since the epoch, on the log's clock) of a line since the last takeNewestDay. */
  private newestDay = -Infinity;
  readonly statusCounts = new Float64Array(600);
  readonly statusBytes = new Float64Array(600);
  readonly statusVisitors = new FewKeysPanelVisitors();
  readonly hourOfDayHits = new Float64Array(24);
  readonly hourOfDayBytes = new Float64Array(24);
  readonly hourOfDayVisitors = new FewKeysPanelVisitors();
  /** Per local date (YYYYMMDD): hits, visitors, bytes. */
  readonly days = new RecentKeyMap(() => ({ hits: 0, visitors: 0, bytes: 0 }));
  /** Per local hour since the epoch: hits, 4xx, 5xx. */
  readonly timeline = new RecentKeyMap(() => ({ hits: 0, clientErrors: 0, serverErrors: 0 }));
  firstSeconds = Infinity;
  lastSeconds = -Infinity;
  firstOffset = NaN;
  lastOffset = NaN;

  private readonly keys = new RequestKeyBuilder();
  private readonly templater = new RouteTemplater(this.routes);
  private agentScratch = Buffer.allocUnsafe(4096);
  private readonly dashAgent = this.agents.intern(DASH, 0, 1);
  /** A user agent that is empty once decoded: a visitor's agent "-", but left out of the browsers and OS panels. */
  private readonly emptyAgent = this.agents.intern(DASH, 0, 0);
  /** Whether what only the `all` scope shows is counted (routes, latency, errors, referrers, vhosts, timeline). */
  private readonly countsLists: boolean;
  private readonly ignorePaths: Buffer[];
  private readonly focusRoute: Buffer | null;

  constructor(
    private readonly filters: AnalysisFilters = {},
    readonly scope: AnalysisScope = 'all',
  ) {
    this.countsLists = scope === 'all';
    this.requestColumns = new HitColumns(this.countsLists);
    this.hostColumns = new HitColumns(this.countsLists);
    this.agentColumns = new HitColumns(this.countsLists);
    this.siteColumns = new HitColumns(this.countsLists);
    this.ignorePaths = (filters.ignorePaths ?? []).map((path) => Buffer.from(path));
    this.focusRoute = filters.route ? Buffer.from(filters.route) : null;
  }

  /** A line that did not parse: counted, and the first few kept as samples. */
  fail(
    input: string,
    lineNumber: number,
    reason: LineFault | 'too-long',
    buf: Buffer,
    start: number,
    end: number,
  ): void {
    this.totalLines++;
    this.failedLines++;
    this.faults.set(reason, (this.faults.get(reason) ?? 0) + 1);
    if (this.samples.length < SAMPLE_LIMIT) {
      const text = buf
        .toString('utf8', start, Math.min(end, start + SAMPLE_TEXT))
        .replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?');
      this.samples.push({ input, line: lineNumber, reason, text });
    }
  }

  add(record: LogRecord): void {
    this.totalLines++;
    const dayNumber = daysFromCivil(record.year, record.month, record.day);
    if (dayNumber > this.newestDay) this.newestDay = dayNumber;
    const localSeconds = dayNumber * 86400 + record.hour * 3600 + record.minute * 60 + record.second;
    const keys = this.keys;
    keys.build(record);
    if (this.isExcluded(record, localSeconds)) {
      this.excludedLines++;
      return;
    }
    this.validLines++;
    const status = record.status;
    const bytes = record.bytes;
    this.bandwidth += bytes;
    if (status > 0) {
      this.statusCounts[status]!++;
      this.statusBytes[status]! += bytes;
    }

    const requestId = this.requests.intern(keys.scratch, 0, keys.keyEnd, record);
    if (this.requests.lastWasNew) this.describeNewRequest(requestId, record);
    const isNotFound = status === 404;
    const kind = isNotFound
      ? RequestKind.NotFound
      : this.requestKinds.get(requestId) & 0x80
        ? RequestKind.Static
        : RequestKind.Request;
    this.requestKinds.set(requestId, this.requestKinds.get(requestId) | kind);
    this.requestColumns.add(requestId, bytes, status);
    if (isNotFound) {
      this.notFoundHits.add(requestId, 1);
      this.notFoundBytes.add(requestId, bytes);
    }
    if (this.countsLists) this.countRoute(requestId, record);

    const hostId = Number.isNaN(record.hostAddress)
      ? this.hosts.intern(record.buf, record.start(FIELD.host), record.end(FIELD.host))
      : this.hosts.intern(record.buf, record.start(FIELD.host), record.end(FIELD.host), record.hostAddress);
    if (this.hosts.lastWasNew)
      this.hostHashes.set(hostId, djb2(record.buf, record.start(FIELD.host), record.end(FIELD.host)) | 0);
    this.hostColumns.add(hostId, bytes, status);
    const agentId = this.internAgent(record);
    this.agentColumns.add(agentId, bytes, status);
    let siteId = -1;
    if (
      record.end(FIELD.referer) > record.start(FIELD.referer) &&
      !isDash(record.buf, record.start(FIELD.referer), record.end(FIELD.referer))
    ) {
      if (this.countsLists)
        this.referrerHits.add(
          this.referrers.intern(record.buf, record.start(FIELD.referer), record.end(FIELD.referer)),
          1,
        );
      siteId = this.internSite(record.buf, record.start(FIELD.referer), record.end(FIELD.referer));
      if (siteId >= 0) this.siteColumns.add(siteId, bytes, status);
    }
    if (this.countsLists && record.start(FIELD.vhost) >= 0)
      this.vhostHits.add(this.vhosts.intern(record.buf, record.start(FIELD.vhost), record.end(FIELD.vhost)), 1);

    const dateKey = record.dateKey();
    const day = this.days.slot(dateKey);
    day.hits++;
    day.bytes += bytes;
    if (dateKey <= this.closedThrough) this.lateLines++;
    else this.countVisitor(dateKey, day, requestId, kind, hostId, agentId, siteId, status, record.hour);
    this.hourOfDayHits[record.hour]!++;
    this.hourOfDayBytes[record.hour]! += bytes;
    if (this.countsLists) {
      const slot = this.timeline.slot(Math.floor(localSeconds / 3600));
      slot.hits++;
      if (status >= 500) slot.serverErrors++;
      else if (status >= 400) slot.clientErrors++;
    }
    if (localSeconds < this.firstSeconds) {
      this.firstSeconds = localSeconds;
      this.firstOffset = record.offsetMinutes;
    }
    if (localSeconds > this.lastSeconds) {
      this.lastSeconds = localSeconds;
      this.lastOffset = record.offsetMinutes;
    }
  }

  /**
   * Drops what only counting needs (visitor numbers, each panel's key numbers and visitor pairs) once the last line
   * is in, and has it collected (dropMemory), so that building the report reuses its memory rather than adding to
   * it: a one-shot run's peak memory. No line may follow.
   */
  release(): void {
    const visitors = this.visitors.size;
    this.visitors = new DatedNumbers();
    this.countedVisitors = new CounterColumn(Uint8Array);
    this.visitorDates = new RunColumn();
    for (const panel of [
      this.requestVisitors,
      this.staticVisitors,
      this.siteVisitors,
      this.hostVisitors,
      this.systemVisitors,
      this.browserVisitors,
      this.statusVisitors,
      this.hourOfDayVisitors,
    ])
      panel.release();
    dropMemory(visitors * RELEASED_BYTES_PER_VISITOR);
  }

  /** The newest day (since the epoch) of a line added since the last call, -Infinity when none was. */
  takeNewestDay(): number {
    const day = this.newestDay;
    this.newestDay = -Infinity;
    return day;
  }

  /**
   * Closes every date up to `date` (YYYYMMDD) for good: what counting its visitors needs (their numbers, each
   * panel's key numbers and pairs) is dropped, so that `--follow` keeps the state of a few dates, not of every date
   * it has read. A later line of a closed date counts its hits and bytes but no visitor (lateLines).
   */
  closeThrough(date: number): void {
    // Not `date <= closedThrough`: a date that is not a number (a day out of Date's range) must close nothing.
    if (!(date > this.closedThrough)) return;
    this.closedThrough = date;
    this.visitors.dropThrough(date);
    // Visitors are numbered as their dates come: those numbered before the first of an open date are all closed.
    const firstOpenId = this.visitorDates.leadingAtMost(date);
    this.countedVisitors.dropBelow(firstOpenId);
    for (const panel of [this.requestVisitors, this.staticVisitors, this.siteVisitors]) panel.closeThrough(date);
    for (const panel of [
      this.hostVisitors,
      this.systemVisitors,
      this.browserVisitors,
      this.statusVisitors,
      this.hourOfDayVisitors,
    ])
      panel.closeThrough(date, firstOpenId + 1);
  }

  /**
   * Unique keys of GoAccess's request panels (requests = unique_files, static requests, not found), in one pass.
   * GoAccess 1.7 stores a panel's keys by their 32-bit djb2 hash, so two keys that collide count once there: count
   * distinct hashes, given those that collide at all (collidingHashes).
   */
  uniqueRequests(colliding: CollidingHashes): { requests: number; statics: number; notFound: number } {
    const [requests, statics, notFound] = distinctCounts(
      this.requests.size,
      (id) => this.requestKinds.get(id),
      (id) => this.requests.djb2(id),
      colliding,
      [RequestKind.Request, RequestKind.Static, RequestKind.NotFound],
    );
    return { requests: requests!, statics: statics!, notFound: notFound! };
  }

  /**
   * A reader of request keys for the report, given the input names by index; each key read again from a file is
   * checked against the hash taken as it was counted, in case the file changed since.
   */
  requestKeys(inputs: readonly string[]): { bytes(id: number): Buffer; close(): void } {
    const reader = this.requests.reader(inputs);
    return {
      bytes: (id) => {
        const key = reader.bytes(id);
        if ((djb2(key, 0, key.length) | 0) !== this.requests.djb2(id))
          throw new Error('an access log changed while it was being analysed');
        return key;
      },
      close: () => reader.close(),
    };
  }

  private describeNewRequest(requestId: number, record: LogRecord): void {
    const keys = this.keys;
    // Bit 0x80 remembers "static by extension" (a property of the key) apart from the panels it was seen in.
    this.requestKinds.set(requestId, isStaticFile(keys.scratch, 0, keys.urlEnd) ? 0x80 : 0);
    if (this.countsLists) this.requestRoutes.set(requestId, this.routeOf(record));
  }

  private routeOf(record: LogRecord): number {
    return record.start(FIELD.route) >= 0
      ? this.routes.intern(record.buf, record.start(FIELD.route), record.end(FIELD.route))
      : this.templater.routeOf(this.keys.scratch, 0, this.keys.urlEnd);
  }

  private countRoute(requestId: number, record: LogRecord): void {
    const routeId = this.requestRoutes.get(requestId);
    this.routeColumns.add(routeId, record.bytes, record.status);
    if (record.latencyUs >= 0) {
      (this.routeLatency[routeId] ??= new LatencyHistogram()).record(record.latencyUs);
      (this.overallLatency ??= new LatencyHistogram()).record(record.latencyUs);
    }
  }

  private isExcluded(record: LogRecord, localSeconds: number): boolean {
    const { since, until } = this.filters;
    if (since || until) {
      const offsetSeconds = Number.isNaN(record.offsetMinutes) ? 0 : record.offsetMinutes * 60;
      if (since && (since.local ? localSeconds : localSeconds - offsetSeconds) < since.seconds) return true;
      if (until && (until.local ? localSeconds : localSeconds - offsetSeconds) > until.seconds) return true;
    }
    const keys = this.keys;
    for (const prefix of this.ignorePaths) {
      if (keys.urlEnd >= prefix.length && keys.scratch.compare(prefix, 0, prefix.length, 0, prefix.length) === 0)
        return true;
    }
    if (this.focusRoute && !this.routes.bytes(this.routeOf(record)).equals(this.focusRoute)) return true;
    return false;
  }

  /**
   * The line's visitor: numbered, counted once, and counted in each panel, in GoAccess's order of panels (its keys
   * are numbered in that order).
   */
  private countVisitor(
    date: number,
    day: { visitors: number },
    requestId: number,
    kind: RequestKind,
    hostId: number,
    agentId: number,
    siteId: number,
    status: number,
    hour: number,
  ): void {
    // GoAccess numbers every line's visitor, but by default (no --4xx-to-unique-count) a 4xx does not count one.
    const visitorId = this.visitors.numberOf(date, hostId, agentId === this.emptyAgent ? this.dashAgent : agentId) - 1;
    if (this.visitors.lastWasNew) this.visitorDates.push(date);
    const visitor = status < 400 || status >= 500 ? visitorId + 1 : 0;
    if (visitor && !this.countedVisitors.get(visitorId)) {
      this.countedVisitors.set(visitorId, 1);
      this.uniqueVisitors++;
      day.visitors++;
    }
    // The "-" agent's visitor may have been seen first with the empty agent, which has no OS or browser keys.
    const numbered = !this.visitors.lastWasNew && agentId !== this.dashAgent;
    const requestKey = this.requests.djb2(requestId);
    if (kind === RequestKind.Request) this.requestVisitors.add(date, requestKey, requestId, visitor);
    else if (kind === RequestKind.Static) this.staticVisitors.add(date, requestKey, requestId, visitor);
    // The not-found panel counts no visitor (a 404 makes none): its keys' numbers would serve nothing.
    this.hostVisitors.add(date, this.hostHashes.get(hostId), hostId, visitor, this.visitorDate, -1, numbered);
    const at = this.agentPanels.offsetOf(agentId);
    const keys = this.agentPanels.table;
    if (keys[at]! >= 0) {
      this.systemVisitors.add(date, keys[at]!, keys[at]!, visitor, this.visitorDate, keys[at + 1]!, numbered);
      this.browserVisitors.add(date, keys[at + 2]!, keys[at + 2]!, visitor, this.visitorDate, keys[at + 3]!, numbered);
    }
    if (siteId >= 0) this.siteVisitors.add(date, siteId, siteId, visitor);
    if (status > 0) {
      const statusKey = statusLabelKey(status);
      this.statusVisitors.add(
        date,
        statusKey,
        statusKey,
        visitor,
        this.visitorDate,
        STATUS_CLASS_KEYS + Math.floor(status / 100),
      );
    }
    this.hourOfDayVisitors.add(date, hour, hour, visitor, this.visitorDate);
  }

  /** The host part of a referrer: after its first `//`, up to the next `/`; -1 when it has none. */
  private internSite(buf: Buffer, start: number, end: number): number {
    let from = start;
    while (from + 1 < end && !(buf[from] === 0x2f && buf[from + 1] === 0x2f)) from++;
    if (from + 1 >= end) return -1;
    from += 2;
    let to = from;
    while (to < end && buf[to] !== 0x2f) to++;
    return to > from ? this.sites.intern(buf, from, to) : -1;
  }

  /** The agent as GoAccess keys visitors by it: URL-decoded and trimmed, "-" when missing or empty. */
  private internAgent(record: LogRecord): number {
    const agentStart = record.start(FIELD.agent);
    const agentEnd = record.end(FIELD.agent);
    if (agentStart < 0) return this.dashAgent;
    if (agentEnd === agentStart) return this.emptyAgent;
    const recent = this.agentByLength[(agentEnd - agentStart) & 255]!;
    if (recent >= 0 && this.rawAgents.holds(recent, record.buf, agentStart, agentEnd))
      return this.agentOfRaw.get(recent);
    const rawId = this.rawAgents.intern(record.buf, agentStart, agentEnd);
    this.agentByLength[(agentEnd - agentStart) & 255] = rawId;
    if (!this.rawAgents.lastWasNew) return this.agentOfRaw.get(rawId);
    if (agentEnd - agentStart > this.agentScratch.length)
      this.agentScratch = Buffer.allocUnsafe((agentEnd - agentStart) * 2);
    const end = decodeUrlInto(this.agentScratch, 0, record.buf, agentStart, agentEnd);
    const agentId = this.agents.intern(this.agentScratch, 0, end);
    this.agentOfRaw.set(rawId, agentId);
    return agentId;
  }
}

/** Status keys: the code when GoAccess has a label for it, else 0 (its one "Unknown" item); classes after 1000. */
const STATUS_CLASS_KEYS = 1000;
const statusLabelKey = (status: number): number => (hasStatusLabel(status) ? status : 0);

function isDash(buf: Buffer, start: number, end: number): boolean {
  return end - start === 1 && buf[start] === 0x2d;
}

/** Bernstein's hash (hash * 33 + byte, 32 bits), GoAccess's key hash. */
export function djb2(bytes: Uint8Array, start: number, end: number): number {
  let hash = 5381;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 33) + bytes[i]!) >>> 0;
  return hash;
}
