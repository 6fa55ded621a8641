/** Where each text field's (start, end) pair lives in `LogRecord.spans`. */
export const FIELD = { host: 0, url: 2, query: 4, referer: 6, agent: 8, vhost: 10, route: 12 } as const;
export type Field = (typeof FIELD)[keyof typeof FIELD];

/**
 * One parsed access-log line. The parser fills a single reused instance: fields are byte ranges into `buf`
 * (the line's bytes) so the hot path allocates nothing; -1 marks an absent range.
 */
export class LogRecord {
  buf: Buffer = Buffer.alloc(0);
  /**
   * Byte ranges in `buf` of host, URL, query, referer, agent, virtual host and route (a route template given by
   * the log itself, as forte-json's `route`): start at FIELD, end at FIELD + 1; -1 when absent.
   */
  readonly spans = new Int32Array(14).fill(-1);
  /** Canonical method / protocol index (see http-request-line.ts), -1 when the request had none. */
  method = -1;
  protocol = -1;
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
  /**
   * Where the URL's bytes lie in the input (see input-place.ts), so that a request key need not be kept as bytes;
   * NaN when the input cannot be read there again (standard input, gzip, --follow) or the URL is not the line's own
   * bytes (a JSON line's unescaped string).
   */
  urlPlace = NaN;
  /**
   * The host as an IPv4 number (see ipv4Number), -1 when it is not written as one, NaN when the parser did not say:
   * the host table then reads it itself.
   */
  hostAddress = NaN;

  reset(buf: Buffer): void {
    this.buf = buf;
    // Stores rather than fill(), whose call costs more than 14 stores on every line.
    const spans = this.spans;
    for (let i = 0; i < spans.length; i++) spans[i] = -1;
    this.method = this.protocol = -1;
    this.status = 0;
    this.bytes = 0;
    this.year = this.month = this.day = 0;
    this.hour = this.minute = this.second = 0;
    this.hasTime = false;
    this.offsetMinutes = NaN;
    this.latencyUs = -1;
    this.urlPlace = NaN;
    this.hostAddress = NaN;
  }

  start(field: Field): number {
    return this.spans[field]!;
  }

  end(field: Field): number {
    return this.spans[field + 1]!;
  }

  set(field: Field, start: number, end: number): void {
    this.spans[field] = start;
    this.spans[field + 1] = end;
  }

  /** The calendar date as GoAccess keys it (YYYYMMDD), 0 when absent. */
  dateKey(): number {
    return this.year * 10000 + this.month * 100 + this.day;
  }
}
