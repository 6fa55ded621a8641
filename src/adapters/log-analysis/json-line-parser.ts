import { matchMethod, matchProtocol } from './http-request-line';
import { isIpAddress } from './ip-address';
import { LineFault } from './log-format';
import { LineParser } from './line-parser';
import { FIELD, LogRecord } from './log-record';

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Forte's JSON access log (`forte-json`): one object per line with time (ISO 8601), remote_addr, method, url,
 * status, bytes, referer, user_agent, response_time_ms and route. String fields are copied into one scratch
 * buffer so the rest of the pipeline sees byte ranges, as with the text formats.
 */
export class JsonLineParser implements LineParser {
  complete = false;
  fault: LineFault | null = null;
  private scratch = Buffer.allocUnsafe(8192);
  private used = 0;

  parse(record: LogRecord, buf: Buffer, start: number, end: number): boolean {
    this.complete = false;
    this.fault = null;
    let entry: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(buf.toString('utf8', start, end));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return this.fail('token');
      entry = parsed as Record<string, unknown>;
    } catch {
      return this.fail('token');
    }
    this.used = 0;
    const fields = ['remote_addr', 'method', 'url', 'referer', 'user_agent', 'route', 'protocol'].map((key) =>
      this.copy(typeof entry[key] === 'string' ? (entry[key] as string) : undefined),
    );
    record.reset(this.scratch);
    const [host, method, url, referer, agent, route, protocol] = fields as [
      Range,
      Range,
      Range,
      Range,
      Range,
      Range,
      Range,
    ];
    if (!host || !isIpAddress(this.scratch, host[0], host[1])) return this.fail('host');
    if (!this.readTime(record, entry.time)) return this.fail('date');
    if (!url) return this.fail('request');
    record.set(FIELD.host, ...host);
    record.set(FIELD.url, ...url);
    if (method) record.method = matchMethod(this.scratch, method[0], method[1]);
    // GoAccess keys requests by method and protocol together; a JSON line without a protocol reads as HTTP/1.1.
    record.protocol = protocol ? matchProtocol(this.scratch, protocol[0], protocol[1]) : record.method >= 0 ? 1 : -1;
    if (referer) record.set(FIELD.referer, ...referer);
    if (agent) record.set(FIELD.agent, ...agent);
    if (route) record.set(FIELD.route, ...route);
    const status = entry.status;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599)
      return this.fail('status');
    record.status = status;
    record.bytes = typeof entry.bytes === 'number' && entry.bytes > 0 ? entry.bytes : 0;
    if (typeof entry.response_time_ms === 'number' && entry.response_time_ms >= 0) {
      record.latencyUs = Math.round(entry.response_time_ms * 1000);
    }
    this.complete = true;
    return true;
  }

  private readTime(record: LogRecord, time: unknown): boolean {
    if (typeof time !== 'string') return false;
    const match = ISO_TIME.exec(time);
    if (!match) return false;
    const [, year, month, day, hour, minute, second, zone] = match;
    record.year = Number(year);
    record.month = Number(month);
    record.day = Number(day);
    record.hour = Number(hour);
    record.minute = Number(minute);
    record.second = Number(second);
    record.hasTime = true;
    if (zone === 'Z') record.offsetMinutes = 0;
    else if (zone) {
      const digits = zone.replace(':', '');
      const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
      record.offsetMinutes = digits.startsWith('-') ? -minutes : minutes;
    }
    return record.month >= 1 && record.month <= 12 && record.day >= 1 && record.day <= 31 && record.hour <= 23;
  }

  private copy(value: string | undefined): Range | undefined {
    if (value === undefined) return undefined;
    const length = Buffer.byteLength(value);
    if (this.used + length > this.scratch.length) {
      const bigger = Buffer.allocUnsafe((this.used + length) * 2);
      this.scratch.copy(bigger, 0, 0, this.used);
      this.scratch = bigger;
    }
    const start = this.used;
    this.used += this.scratch.write(value, start);
    return [start, this.used];
  }

  private fail(fault: LineFault): false {
    this.fault = fault;
    return false;
  }
}

type Range = [number, number] | undefined;
