import { ByteViews } from './byte-views';
import { parseClfDate, parseClock, readOffset } from './date-time-pattern';
import { splitRequestLine } from './http-request-line';
import { ipv4Number, isIpAddress } from './ip-address';
import { LineParser } from './line-parser';
import {
  DEFAULT_DATE_FORMAT,
  DEFAULT_TIME_FORMAT,
  findTokenEnd,
  LineFault,
  LogFormat,
  NAMED_LOG_FORMATS,
  parseDecimal,
  parseStatus,
  parseUnsigned,
} from './log-format';
import { FIELD, LogRecord } from './log-record';
import { findFirstTokenEnd } from './token-end';

const SPACE = 0x20;
const QUOTE = 0x22;
const OPEN_BRACKET = 0x5b;
const COLON = 0x3a;
const CLOSE_BRACKET = 0x5d;
const DASH = 0x2d;
/** `[01/Nov/2026:09:00:00 +0900] "`: the request starts this many bytes after the `[`. */
const REQUEST_AFTER_BRACKET = 30;

/**
 * The combined and forte formats (with the default date and time formats) read without the general loop over the
 * format's steps: the usual line (an IP host, `[dd/Mon/yyyy:hh:mm:ss ±hhmm]`, a status of three digits, a size of
 * digits or `-`, a latency that reads) is taken apart at its fixed places and delimiters, by the same pieces the
 * general parser uses, and gives the record it would; any other line, good or bad, is left to the general parser,
 * so its fields, faults and completeness are the general parser's own.
 */
export class ClfLineParser implements LineParser {
  complete = false;
  fault: LineFault | null = null;
  private readonly views = new ByteViews();
  /** The last date read (`01/Nov/2026`, as three overlapping words of its 11 bytes) and its numbers. */
  private readonly lastDate = new Int32Array(3);
  private lastYear = 0;
  private lastMonth = 0;
  private lastDay = 0;

  private constructor(
    private readonly general: LogFormat,
    /** forte: a latency in seconds (`%T`) after the agent. */
    private readonly withLatency: boolean,
  ) {}

  /** A parser for `format`: this one's fast path when the format is combined or forte, else the format itself. */
  static of(format: LogFormat): LineParser {
    const defaults =
      format.datePattern.source === DEFAULT_DATE_FORMAT && format.timePattern.source === DEFAULT_TIME_FORMAT;
    if (defaults && format.pattern === NAMED_LOG_FORMATS.combined) return new ClfLineParser(format, false);
    if (defaults && format.pattern === NAMED_LOG_FORMATS.forte) return new ClfLineParser(format, true);
    return format;
  }

  parse(record: LogRecord, buf: Buffer, start: number, end: number): boolean {
    if (this.readUsual(record, buf, start, end)) {
      this.complete = true;
      this.fault = null;
      return true;
    }
    const parsed = this.general.parse(record, buf, start, end);
    this.complete = this.general.complete;
    this.fault = this.general.fault;
    return parsed;
  }

  /**
   * The usual line, as the general parser reads it step by step (a literal of the format is stepped over without
   * being compared, a token ends at its first unescaped delimiter); false as soon as the line is not the usual one.
   */
  private readUsual(record: LogRecord, buf: Buffer, start: number, end: number): boolean {
    record.reset(buf);
    const view = this.views.of(buf);
    const hostEnd = findFirstTokenEnd(view, buf, start, end, SPACE);
    if (hostEnd < 0 || hostEnd >= end) return false;
    // Most hosts are IPv4 as inet_ntoa writes them: their number is all the host table needs, and says they are valid.
    record.hostAddress = ipv4Number(buf, start, hostEnd);
    if (record.hostAddress < 0 && !isIpAddress(buf, start, hostEnd)) return false;
    record.set(FIELD.host, start, hostEnd);
    const bracket = findTokenEnd(buf, hostEnd + 1, end, OPEN_BRACKET, 1);
    // Date, time and offset at fixed places: each one's delimiter is where the next one starts.
    const date = bracket + 1;
    if (bracket < 0 || date + REQUEST_AFTER_BRACKET - 1 >= end) return false;
    if (buf[date + 11] !== COLON || buf[date + 20] !== SPACE || buf[date + 26] !== CLOSE_BRACKET) return false;
    if (!this.readDate(record, view, buf, date) || !parseClock(record, buf, date + 12)) return false;
    if (readOffset(record, buf, date + 21, date + 26) !== date + 26) return false;
    const request = date + REQUEST_AFTER_BRACKET - 1;
    const requestEnd = findFirstTokenEnd(view, buf, request, end, QUOTE);
    if (requestEnd < 0 || requestEnd >= end) return false;
    splitRequestLine(record, request, requestEnd);
    const status = requestEnd + 2;
    const statusEnd = status < end ? findTokenEnd(buf, status, end, SPACE, 1) : -1;
    if (statusEnd < 0 || statusEnd >= end) return false;
    record.status = parseStatus(buf, status, statusEnd);
    if (record.status < 0) return false;
    const size = statusEnd + 1;
    const sizeEnd = findTokenEnd(buf, size, end, SPACE, 1);
    if (sizeEnd < 0 || sizeEnd >= end) return false;
    record.bytes = parseUnsigned(buf, size, sizeEnd);
    if (record.bytes < 0) {
      // "-" is the usual way to say 0 bytes; any other token that is not digits leaves the record unclean.
      if (sizeEnd - size !== 1 || buf[size] !== DASH) return false;
      record.bytes = 0;
    }
    const referer = sizeEnd + 2;
    const refererEnd = referer < end ? findFirstTokenEnd(view, buf, referer, end, QUOTE) : -1;
    if (refererEnd < 0 || refererEnd >= end) return false;
    record.set(FIELD.referer, referer, refererEnd);
    const agent = refererEnd + 3;
    const agentEnd = agent < end ? findFirstTokenEnd(view, buf, agent, end, QUOTE) : -1;
    if (agentEnd < 0 || agentEnd >= end) return false;
    record.set(FIELD.agent, agent, agentEnd);
    if (!this.withLatency) return true;
    const latency = agentEnd + 2 < end ? parseDecimal(buf, agentEnd + 2, end) : -1;
    if (latency < 0) return false;
    record.latencyUs = Math.round(latency * 1e6);
    return true;
  }

  /**
   * `dd/Mon/yyyy` at `at`: a log's lines come in the order of their dates, so a date written as the last one read is
   * that one again, found by comparing three words rather than reading its digits and month name.
   */
  private readDate(record: LogRecord, view: DataView, buf: Buffer, at: number): boolean {
    const first = view.getInt32(at);
    const second = view.getInt32(at + 4);
    const third = view.getInt32(at + 7);
    const last = this.lastDate;
    if (first === last[0] && second === last[1] && third === last[2] && this.lastDay) {
      record.year = this.lastYear;
      record.month = this.lastMonth;
      record.day = this.lastDay;
      return true;
    }
    if (!parseClfDate(record, buf, at)) return false;
    last[0] = first;
    last[1] = second;
    last[2] = third;
    this.lastYear = record.year;
    this.lastMonth = record.month;
    this.lastDay = record.day;
    return true;
  }
}
