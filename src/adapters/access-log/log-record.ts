/**
 * One parsed access-log line. The parser fills a single reused instance: fields are byte ranges into `buf`
 * (the line's bytes) so the hot path allocates nothing; -1 marks an absent range.
 */
export class LogRecord {
  buf: Buffer = Buffer.alloc(0);
  hostStart = -1;
  hostEnd = -1;
  /** Canonical method / protocol index (see http-request-line.ts), -1 when the request had none. */
  method = -1;
  protocol = -1;
  urlStart = -1;
  urlEnd = -1;
  queryStart = -1;
  queryEnd = -1;
  refererStart = -1;
  refererEnd = -1;
  agentStart = -1;
  agentEnd = -1;
  vhostStart = -1;
  vhostEnd = -1;
  /** A route template given by the log itself (forte-json `route`), else -1. */
  routeStart = -1;
  routeEnd = -1;
  /** 0 when the line has no status. */
  status = 0;
  bytes = 0;
  /** The local date and time as written in the log; `date` is 0 until a date was parsed. */
  year = 0;
  month = 0;
  day = 0;
  hour = 0;
  minute = 0;
  second = 0;
  hasTime = false;
  /** The line's UTC offset in minutes, NaN when the log does not say. */
  offsetMinutes = NaN;
  /** Response time in microseconds, -1 when the line has none. */
  latencyUs = -1;

  reset(buf: Buffer): void {
    this.buf = buf;
    this.hostStart = this.hostEnd = -1;
    this.method = this.protocol = -1;
    this.urlStart = this.urlEnd = -1;
    this.queryStart = this.queryEnd = -1;
    this.refererStart = this.refererEnd = -1;
    this.agentStart = this.agentEnd = -1;
    this.vhostStart = this.vhostEnd = -1;
    this.routeStart = this.routeEnd = -1;
    this.status = 0;
    this.bytes = 0;
    this.year = this.month = this.day = 0;
    this.hour = this.minute = this.second = 0;
    this.hasTime = false;
    this.offsetMinutes = NaN;
    this.latencyUs = -1;
  }

  /** The calendar date as GoAccess keys it (YYYYMMDD), 0 when absent. */
  dateKey(): number {
    return this.year * 10000 + this.month * 100 + this.day;
  }
}
