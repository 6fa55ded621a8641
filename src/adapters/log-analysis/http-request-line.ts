import { lowerAscii } from './ascii-case';
import { FIELD, LogRecord } from './log-record';

/** GoAccess 1.7's method and protocol lists, matched as case-insensitive prefixes as it does. */
export const HTTP_METHODS = [
  'OPTIONS',
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'TRACE',
  'CONNECT',
  'PATCH',
  'SEARCH',
  'PROPFIND',
  'PROPPATCH',
  'MKCOL',
  'COPY',
  'MOVE',
  'LOCK',
  'UNLOCK',
  'VERSION-CONTROL',
  'REPORT',
  'CHECKOUT',
  'CHECKIN',
  'UNCHECKOUT',
  'MKWORKSPACE',
  'UPDATE',
  'LABEL',
  'MERGE',
  'BASELINE-CONTROL',
  'MKACTIVITY',
  'ORDERPATCH',
] as const;
export const HTTP_PROTOCOLS = ['HTTP/1.0', 'HTTP/1.1', 'HTTP/2', 'HTTP/3'] as const;

export const isHttpMethod = (word: string): boolean => (HTTP_METHODS as readonly string[]).includes(word);
export const isHttpProtocol = (word: string): boolean => (HTTP_PROTOCOLS as readonly string[]).includes(word);

const METHOD_BYTES = HTTP_METHODS.map((method) => Buffer.from(method, 'latin1'));
const PROTOCOL_BYTES = HTTP_PROTOCOLS.map((protocol) => Buffer.from(protocol, 'latin1'));

/** Index of the first word of `candidates` that `buf[start..end)` starts with, ignoring case; -1 if none. */
export function matchPrefix(candidates: readonly Buffer[], buf: Uint8Array, start: number, end: number): number {
  for (let index = 0; index < candidates.length; index++) {
    const word = candidates[index]!;
    if (end - start < word.length) continue;
    let i = 0;
    while (i < word.length && lowerAscii(buf[start + i]!) === lowerAscii(word[i]!)) i++;
    if (i === word.length) return index;
  }
  return -1;
}

const GET = 1;
const POST = 3;

/** The method index; GET and POST, most lines' methods, are tried first without the general loop. */
export function matchMethod(buf: Uint8Array, start: number, end: number): number {
  if (end - start >= 4) {
    const a = buf[start]!;
    if (a === 0x47 && buf[start + 1] === 0x45 && buf[start + 2] === 0x54) return GET;
    if (a === 0x50 && buf[start + 1] === 0x4f && buf[start + 2] === 0x53 && buf[start + 3] === 0x54) return POST;
  }
  return matchPrefix(METHOD_BYTES, buf, start, end);
}
const HTTP_1 = PROTOCOL_BYTES[0]!;

/** The protocol index; HTTP/1.0 and HTTP/1.1 written in capitals, most lines' protocols, are told apart at once. */
export function matchProtocol(buf: Uint8Array, start: number, end: number): number {
  if (end - start >= HTTP_1.length) {
    let i = 0;
    while (i < HTTP_1.length - 1 && buf[start + i] === HTTP_1[i]) i++;
    const last = buf[start + i];
    if (i === HTTP_1.length - 1 && (last === 0x30 || last === 0x31)) return last - 0x30;
  }
  return matchPrefix(PROTOCOL_BYTES, buf, start, end);
}

export const methodBytes = (index: number): Buffer => METHOD_BYTES[index]!;
export const protocolBytes = (index: number): Buffer => PROTOCOL_BYTES[index]!;

/** `urlStart` of a request GoAccess could not split: its URL reads "-". */
export const DASH_URL = -2;

/**
 * Splits a `%r` request line the way GoAccess's parse_req does: no known method → the whole line is the URL;
 * a method without a known protocol after the last space → the URL is "-"; otherwise the URL lies between.
 */
export function splitRequestLine(record: LogRecord, start: number, end: number): void {
  const buf = record.buf;
  const method = matchMethod(buf, start, end);
  if (method < 0) {
    record.set(FIELD.url, start, end);
    return;
  }
  const afterMethod = start + METHOD_BYTES[method]!.length;
  let lastSpace = end - 1;
  while (lastSpace >= afterMethod && buf[lastSpace] !== 0x20) lastSpace--;
  const protocol = lastSpace >= afterMethod ? matchProtocol(buf, lastSpace + 1, end) : -1;
  const urlStart = afterMethod + 1;
  if (protocol < 0 || lastSpace + 1 - urlStart <= 0) {
    record.set(FIELD.url, DASH_URL, DASH_URL);
    return;
  }
  record.method = method;
  record.protocol = protocol;
  record.set(FIELD.url, urlStart, lastSpace + 1);
}
