import { DateTimePattern, readOffset } from './date-time-pattern';
import { matchMethod, matchProtocol, splitRequestLine } from './http-request-line';
import { ipv4Number, isIpAddress } from './ip-address';
import { Field, FIELD, LogRecord } from './log-record';

/** The formats forte-cli knows by name; `forte` is combined plus nginx's `$request_time` (seconds, ms precision). */
export const NAMED_LOG_FORMATS = {
  combined: '%h %^[%d:%t %z] "%r" %s %b "%R" "%u"',
  common: '%h %^[%d:%t %z] "%r" %s %b',
  forte: '%h %^[%d:%t %z] "%r" %s %b "%R" "%u" %T',
} as const;
export type NamedLogFormat = keyof typeof NAMED_LOG_FORMATS;

export const DEFAULT_DATE_FORMAT = '%d/%b/%Y';
export const DEFAULT_TIME_FORMAT = '%H:%M:%S';

/** Why a line did not parse, for the skipped-lines summary. */
export type LineFault = 'host' | 'date' | 'time' | 'request' | 'status' | 'token' | 'missing-fields';

/** One step of a compiled format: a literal byte to step over, or a specifier with the delimiter that ends it. */
interface Step {
  /** The specifier letter's char code, or -1 for a literal. */
  readonly specifier: number;
  /** The byte that ends the token (0: the end of the line). */
  readonly delimiter: number;
  /** The token ends at the n-th delimiter (dates containing the delimiter, as GoAccess's count_matches). */
  readonly occurrence: number;
}

const SPECIFIERS = 'hdtrmUqHsbRuTDLnvez^';

/** The specifiers whose token is kept as it is, by char code: the record field it goes to, else -1. */
const TEXT_FIELDS = new Int8Array(128).fill(-1);
TEXT_FIELDS[0x55] = FIELD.url; // U
TEXT_FIELDS[0x71] = FIELD.query; // q
TEXT_FIELDS[0x52] = FIELD.referer; // R
TEXT_FIELDS[0x75] = FIELD.agent; // u
TEXT_FIELDS[0x76] = FIELD.vhost; // v

/**
 * A line parser compiled from a GoAccess-style `--log-format`, following GoAccess 1.7's parse_format: literals
 * advance one byte without being compared, a specifier reads up to its delimiter (a backslash escapes it), a line
 * that ends early is complete as long as host, date and request were read, and a bad host, date, time or status
 * rejects the line.
 */
export class LogFormat {
  private readonly steps: Step[] = [];
  /** Set by `parse`: the line reached the last step and every numeric field parsed cleanly (format detection). */
  complete = false;
  fault: LineFault | null = null;

  constructor(
    readonly pattern: string,
    readonly datePattern = new DateTimePattern(DEFAULT_DATE_FORMAT),
    readonly timePattern = new DateTimePattern(DEFAULT_TIME_FORMAT),
  ) {
    for (let i = 0; i < pattern.length; i++) {
      const char = pattern[i]!;
      if (char !== '%') {
        this.steps.push({ specifier: -1, delimiter: 0, occurrence: 0 });
        continue;
      }
      const letter = pattern[++i];
      if (letter === undefined || !SPECIFIERS.includes(letter)) {
        throw new Error(
          `unsupported log-format specifier %${letter ?? ''} (supported: %${[...SPECIFIERS].join(' %')})`,
        );
      }
      const delimiter = i + 1 < pattern.length ? pattern.charCodeAt(i + 1) : 0;
      const occurrence =
        letter === 'd'
          ? datePattern.countLiteral(delimiter) + 1
          : letter === 't'
            ? timePattern.countLiteral(delimiter) + 1
            : 1;
      this.steps.push({ specifier: letter.charCodeAt(0), delimiter, occurrence });
    }
  }

  /** Parses buf[start..end) (no line break) into `record`; false when GoAccess would count the line as failed. */
  parse(record: LogRecord, buf: Buffer, start: number, end: number): boolean {
    record.reset(buf);
    this.complete = false;
    this.fault = null;
    let at = start;
    let clean = true;
    const steps = this.steps;
    let k = 0;
    for (; k < steps.length; k++) {
      if (at >= end) break;
      const step = steps[k]!;
      if (step.specifier < 0) {
        at++;
        continue;
      }
      const tokenEnd = findTokenEnd(buf, at, end, step.delimiter, step.occurrence);
      if (tokenEnd < 0) return this.fail('token');
      const outcome = this.readSpecifier(step.specifier, record, buf, at, tokenEnd);
      if (outcome === Outcome.Rejected) return false;
      if (outcome === Outcome.Unclean) clean = false;
      at = tokenEnd;
    }
    if (record.start(FIELD.host) < 0 || record.month === 0 || record.start(FIELD.url) === -1)
      return this.fail('missing-fields');
    this.complete = clean && k === steps.length;
    return true;
  }

  private fail(fault: LineFault): false {
    this.fault = fault;
    return false;
  }

  private readSpecifier(specifier: number, record: LogRecord, buf: Buffer, start: number, end: number): Outcome {
    const field = TEXT_FIELDS[specifier]!;
    if (field >= 0) {
      record.set(field as Field, start, end);
      return Outcome.Read;
    }
    switch (specifier) {
      case 0x68: // h
        record.hostAddress = ipv4Number(buf, start, end);
        if (record.hostAddress < 0 && !isIpAddress(buf, start, end)) return this.reject('host');
        record.set(FIELD.host, start, end);
        return Outcome.Read;
      case 0x64: // d
        return this.datePattern.parse(record, buf, start, end) ? Outcome.Read : this.reject('date');
      case 0x74: // t
        return this.timePattern.parse(record, buf, start, end) ? Outcome.Read : this.reject('time');
      case 0x72: // r
        splitRequestLine(record, start, end);
        return Outcome.Read;
      case 0x6d: // m
        record.method = matchMethod(buf, start, end);
        return Outcome.Read;
      case 0x48: // H
        record.protocol = matchProtocol(buf, start, end);
        return Outcome.Read;
      case 0x73: {
        // s
        const status = parseStatus(buf, start, end);
        if (status < 0) return this.reject('status');
        record.status = status;
        return Outcome.Read;
      }
      case 0x62: // b
        // strtoull: anything but digits counts as 0 bytes, as in GoAccess; "-" is the usual way to say so.
        record.bytes = parseUnsigned(buf, start, end);
        if (record.bytes >= 0) return Outcome.Read;
        record.bytes = 0;
        return end - start === 1 && buf[start] === 0x2d ? Outcome.Read : Outcome.Unclean;
      case 0x54: // T: seconds
        return readLatency(record, parseDecimal(buf, start, end), 1e6);
      case 0x44: // D: microseconds
        return readLatency(record, parseUnsigned(buf, start, end), 1);
      case 0x4c: // L: milliseconds
        return readLatency(record, parseDecimal(buf, start, end), 1e3);
      case 0x6e: // n: nanoseconds
        return readLatency(record, parseUnsigned(buf, start, end), 1e-3);
      case 0x7a: // z: the UTC offset (forte-cli's own; GoAccess skips it with %^)
        readOffset(record, buf, start, end);
        return Outcome.Read;
      default: // ^ and e: read and ignored
        return Outcome.Read;
    }
  }

  private reject(fault: LineFault): Outcome {
    this.fault = fault;
    return Outcome.Rejected;
  }
}

const enum Outcome {
  Read,
  Unclean,
  Rejected,
}

/** A `%s` token as strtol(3) reads it: optional blanks and sign, then digits to its end; -1 unless 100–599. */
export function parseStatus(buf: Uint8Array, start: number, end: number): number {
  let at = start;
  while (at < end && (buf[at] === 0x20 || buf[at] === 0x09)) at++;
  if (buf[at] === 0x2b) at++;
  let status = 0;
  const digitsStart = at;
  while (at < end && buf[at]! >= 0x30 && buf[at]! <= 0x39 && status < 1000) status = status * 10 + buf[at++]! - 0x30;
  return at === digitsStart || at !== end || status < 100 || status > 599 ? -1 : status;
}

function readLatency(record: LogRecord, value: number, toMicroseconds: number): Outcome {
  if (value < 0) return Outcome.Unclean;
  record.latencyUs = Math.round(value * toMicroseconds);
  return Outcome.Read;
}

/**
 * GoAccess's parse_string: the token ends at the `occurrence`-th delimiter, skipping backslash-escaped bytes;
 * -1 when the rest of the line holds no delimiter at all; to the end of the line when too few are unescaped.
 */
export function findTokenEnd(buf: Buffer, at: number, end: number, delimiter: number, occurrence: number): number {
  if (delimiter === 0) return end;
  let seen = 0;
  let sawAny = false;
  for (let i = at; i < end; i++) {
    const c = buf[i]!;
    if (c === delimiter) {
      sawAny = true;
      if (++seen === occurrence) return i;
    } else if (c === 0x5c) {
      if (buf[i + 1] === delimiter) sawAny = true;
      i++;
    }
  }
  return sawAny ? end : -1;
}

/** A whole token of decimal digits (strtoull with nothing left over); -1 otherwise. */
export function parseUnsigned(buf: Uint8Array, start: number, end: number): number {
  if (start === end) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c < 0x30 || c > 0x39) return -1;
    value = value * 10 + c - 0x30;
  }
  return value;
}

/** A whole token like `0.123` or `12`; -1 otherwise. */
export function parseDecimal(buf: Uint8Array, start: number, end: number): number {
  let value = 0;
  let scale = 0;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c === 0x2e && scale === 0) {
      scale = 1;
      continue;
    }
    if (c < 0x30 || c > 0x39) return -1;
    value = value * 10 + c - 0x30;
    digits++;
    if (scale) scale *= 10;
  }
  if (digits === 0) return -1;
  return scale ? value / scale : value;
}
