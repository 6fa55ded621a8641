import { LogRecord } from './log-record';

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Compiled conversions; a non-negative op is a literal byte. */
const enum Op {
  Day = -1,
  Month = -2,
  MonthName = -3,
  Year4 = -4,
  Year2 = -5,
  Hour = -6,
  Minute = -7,
  Second = -8,
  Epoch = -9,
  Offset = -10,
}

const EXPANSIONS: Record<string, string> = { T: '%H:%M:%S', D: '%m/%d/%y', F: '%Y-%m-%d' };
const CONVERSIONS: Record<string, Op> = {
  d: Op.Day,
  e: Op.Day,
  m: Op.Month,
  b: Op.MonthName,
  B: Op.MonthName,
  h: Op.MonthName,
  Y: Op.Year4,
  y: Op.Year2,
  H: Op.Hour,
  M: Op.Minute,
  S: Op.Second,
  s: Op.Epoch,
  z: Op.Offset,
};

/** The last number `readNumber` read: a module slot rather than a closure or tuple, so parsing allocates nothing. */
let readValue = 0;

/**
 * The strptime(3) subset GoAccess's --date-format / --time-format use (%d %e %m %b %B %h %Y %y %H %M %S %s %z
 * %T %D %F, literals), run on bytes: a token parses only when the whole of it matches, as GoAccess requires.
 */
export class DateTimePattern {
  private readonly ops: number[] = [];
  /** The common layouts get a fixed-position parser: they are what nearly every log uses, on every line. */
  private readonly layout: 'clf-date' | 'clock' | null;

  constructor(readonly source: string) {
    this.layout = source === '%d/%b/%Y' ? 'clf-date' : source === '%H:%M:%S' ? 'clock' : null;
    const expanded = source.replace(/%([TDF])/g, (_all, letter: string) => EXPANSIONS[letter]!);
    for (let i = 0; i < expanded.length; i++) {
      if (expanded[i] === '%' && i + 1 < expanded.length) {
        const op = CONVERSIONS[expanded[++i]!];
        if (op === undefined) throw new Error(`unsupported date/time conversion %${expanded[i]}`);
        this.ops.push(op);
      } else {
        this.ops.push(expanded.charCodeAt(i));
      }
    }
  }

  /** How many times `char` appears literally, so a token cut at `char` can span them (GoAccess's count_matches). */
  countLiteral(char: number): number {
    return this.ops.filter((op) => op === char).length;
  }

  /** Parses buf[start..end) into `record`'s date/time fields; false when it does not match. */
  parse(record: LogRecord, buf: Uint8Array, start: number, end: number): boolean {
    if (this.layout === 'clf-date' && end - start === 11 && parseClfDate(record, buf, start)) return true;
    if (this.layout === 'clock' && end - start === 8 && parseClock(record, buf, start)) return true;
    let at = start;
    const ops = this.ops;
    for (let k = 0; k < ops.length; k++) {
      const op = ops[k]!;
      if (op >= 0) {
        if (buf[at] !== op) return false;
        at++;
        continue;
      }
      at = parseConversion(op, record, buf, at, end);
      if (at < 0) return false;
    }
    return at === end;
  }
}

const digit = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x30 : -100);

/** `01/Nov/2026` at fixed positions; false sends the token to the general parser. */
export function parseClfDate(record: LogRecord, buf: Uint8Array, at: number): boolean {
  const day = digit(buf[at]!) * 10 + digit(buf[at + 1]!);
  const year = digit(buf[at + 7]!) * 1000 + digit(buf[at + 8]!) * 100 + digit(buf[at + 9]!) * 10 + digit(buf[at + 10]!);
  if (buf[at + 2] !== 0x2f || buf[at + 6] !== 0x2f || day < 1 || day > 31 || year < 0) return false;
  if (readMonthName(record, buf, at + 3, at + 6) !== at + 6) return false;
  record.day = day;
  record.year = year;
  return true;
}

/** `09:41:07` at fixed positions. */
export function parseClock(record: LogRecord, buf: Uint8Array, at: number): boolean {
  const hour = digit(buf[at]!) * 10 + digit(buf[at + 1]!);
  const minute = digit(buf[at + 3]!) * 10 + digit(buf[at + 4]!);
  const second = digit(buf[at + 6]!) * 10 + digit(buf[at + 7]!);
  if (
    buf[at + 2] !== 0x3a ||
    buf[at + 5] !== 0x3a ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 61
  )
    return false;
  record.hour = hour;
  record.minute = minute;
  record.second = second;
  record.hasTime = true;
  return true;
}

/** Digits, least and greatest value of each numeric conversion. */
const NUMBER_RANGES: Record<number, readonly [number, number, number]> = {
  [Op.Day]: [2, 1, 31],
  [Op.Month]: [2, 1, 12],
  [Op.Year4]: [4, 0, 9999],
  [Op.Year2]: [2, 0, 99],
  [Op.Hour]: [2, 0, 23],
  [Op.Minute]: [2, 0, 59],
  [Op.Second]: [2, 0, 61],
};

function parseConversion(op: number, record: LogRecord, buf: Uint8Array, at: number, end: number): number {
  if (op === Op.MonthName) return readMonthName(record, buf, at, end);
  if (op === Op.Epoch) return readEpoch(record, buf, at, end);
  if (op === Op.Offset) return readOffset(record, buf, at, end);
  const [digits, min, max] = NUMBER_RANGES[op]!;
  const next = readNumber(buf, at, end, digits, min, max);
  if (next >= 0) setDateField(record, op, readValue);
  return next;
}

function setDateField(record: LogRecord, op: number, value: number): void {
  if (op === Op.Day) record.day = value;
  else if (op === Op.Month) record.month = value;
  else if (op === Op.Year4) record.year = value;
  // POSIX: 69-99 are 1969-1999, 00-68 are 2000-2068.
  else if (op === Op.Year2) record.year = value < 69 ? 2000 + value : 1900 + value;
  else if (op === Op.Hour) {
    record.hour = value;
    record.hasTime = true;
  } else if (op === Op.Minute) record.minute = value;
  else record.second = value;
}

function readNumber(buf: Uint8Array, at: number, end: number, maxDigits: number, min: number, max: number): number {
  while (at < end && buf[at] === 0x20) at++;
  let value = 0;
  let digits = 0;
  while (at < end && digits < maxDigits && buf[at]! >= 0x30 && buf[at]! <= 0x39) {
    value = value * 10 + buf[at]! - 0x30;
    at++;
    digits++;
  }
  if (digits === 0 || value < min || value > max) return -1;
  readValue = value;
  return at;
}

function readMonthName(record: LogRecord, buf: Uint8Array, at: number, end: number): number {
  if (end - at < 3) return -1;
  const a = buf[at]! | 0x20;
  const b = buf[at + 1]! | 0x20;
  const c = buf[at + 2]! | 0x20;
  let month = -1;
  for (let m = 0; m < 12; m++) {
    const name = MONTH_NAMES[m]!;
    if (name.charCodeAt(0) === a && name.charCodeAt(1) === b && name.charCodeAt(2) === c) {
      month = m;
      break;
    }
  }
  if (month < 0) return -1;
  record.month = month + 1;
  const full = MONTH_NAMES[month]!;
  let i = 3;
  while (i < full.length && at + i < end && (buf[at + i]! | 0x20) === full.charCodeAt(i)) i++;
  return i === full.length ? at + i : at + 3;
}

function readEpoch(record: LogRecord, buf: Uint8Array, at: number, end: number): number {
  let value = 0;
  const start = at;
  while (at < end && buf[at]! >= 0x30 && buf[at]! <= 0x39) value = value * 10 + buf[at++]! - 0x30;
  if (at === start) return -1;
  const date = new Date(value * 1000);
  record.year = date.getUTCFullYear();
  record.month = date.getUTCMonth() + 1;
  record.day = date.getUTCDate();
  record.hour = date.getUTCHours();
  record.minute = date.getUTCMinutes();
  record.second = date.getUTCSeconds();
  record.hasTime = true;
  record.offsetMinutes = 0;
  return at;
}

/** `+0900`, `-05:30` or `Z`; returns the end offset, -1 when it is none of these. */
export function readOffset(record: LogRecord, buf: Uint8Array, at: number, end: number): number {
  if (at < end && (buf[at] === 0x5a || buf[at] === 0x7a)) {
    record.offsetMinutes = 0;
    return at + 1;
  }
  const sign = buf[at] === 0x2b ? 1 : buf[at] === 0x2d ? -1 : 0;
  if (sign === 0) return -1;
  let value = 0;
  let digits = 0;
  let i = at + 1;
  for (; i < end && digits < 4; i++) {
    const c = buf[i]!;
    if (c >= 0x30 && c <= 0x39) {
      value = value * 10 + c - 0x30;
      digits++;
    } else if (c !== 0x3a || digits !== 2) {
      break;
    }
  }
  if (digits !== 4) return -1;
  record.offsetMinutes = sign * (Math.floor(value / 100) * 60 + (value % 100));
  return i;
}
