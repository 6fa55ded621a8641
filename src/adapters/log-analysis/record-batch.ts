import { AccessLogAnalyser } from './access-log-analyser';
import { LineFault } from './log-format';
import { LogRecord } from './log-record';

/** A line's place in a batch: the byte ranges (host, url, query, referer, agent, vhost, route) are rewritten to
 * point into the batch's own bytes. */
const enum Slot {
  Kind,
  Ranges,
  Numbers = 15,
}
/** The record's numbers, copied one by one: by name, so the list is written once for both directions. */
const NUMERIC_FIELDS = [
  'method',
  'protocol',
  'status',
  'bytes',
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
  'offsetMinutes',
  'latencyUs',
  'urlPlace',
  'hostAddress',
] as const satisfies readonly (keyof LogRecord)[];
/** After a line's numbers, its hasTime flag; numbers per line in a batch. */
const HAS_TIME = Slot.Numbers + NUMERIC_FIELDS.length;
const F = HAS_TIME + 1;
const REASONS: readonly (LineFault | 'too-long')[] = [
  'host',
  'date',
  'time',
  'request',
  'status',
  'token',
  'missing-fields',
  'too-long',
];
const SAMPLE_BYTES = 200;
/** Numbers in LogRecord.spans. */
const SPANS = 14;
const LINES_PER_BATCH = 8192;
export const BATCH_NUMBERS = LINES_PER_BATCH * F;
export const BATCH_BYTES = 2 << 20;

/** One batch as it crosses to the worker: two transferable buffers and a line count. */
export interface RecordBatch {
  numbers: Float64Array;
  bytes: Uint8Array;
  count: number;
  /** Input names by index, for the failure samples. */
  inputs: string[];
}

/**
 * Packs parsed lines (and failed ones) into flat buffers that move to the analysis worker without copying, so
 * parsing and counting run on both cores.
 */
export class RecordBatchWriter {
  numbers: Float64Array = new Float64Array(BATCH_NUMBERS);
  // Own ArrayBuffers (never Node's shared pool), since they are transferred to the worker and back.
  bytes: Buffer = Buffer.from(new ArrayBuffer(BATCH_BYTES));
  count = 0;
  private used = 0;
  private readonly inputs: string[] = [];

  get full(): boolean {
    return this.count === LINES_PER_BATCH;
  }

  /** Starts over on buffers handed back by the worker (or fresh ones). */
  reset(numbers?: Float64Array, bytes?: Uint8Array): void {
    if (numbers) this.numbers = numbers;
    if (bytes) this.bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.count = 0;
    this.used = 0;
    this.inputs.length = 0;
  }

  addRecord(record: LogRecord): void {
    const n = this.numbers;
    const at = this.count++ * F;
    n[at + Slot.Kind] = 0;
    for (let field = 0; field < SPANS; field += 2)
      this.range(at + Slot.Ranges + field, record.buf, record.spans[field]!, record.spans[field + 1]!);
    for (let k = 0; k < NUMERIC_FIELDS.length; k++) n[at + Slot.Numbers + k] = record[NUMERIC_FIELDS[k]!];
    n[at + HAS_TIME] = record.hasTime ? 1 : 0;
  }

  addFailure(
    input: string,
    line: number,
    reason: LineFault | 'too-long',
    buf: Buffer,
    start: number,
    end: number,
  ): void {
    const n = this.numbers;
    const at = this.count++ * F;
    let inputIndex = this.inputs.indexOf(input);
    if (inputIndex < 0) inputIndex = this.inputs.push(input) - 1;
    n[at + Slot.Kind] = 1;
    n[at + 1] = this.used;
    this.copy(buf, start, Math.min(end, start + SAMPLE_BYTES));
    n[at + 2] = this.used;
    n[at + 3] = REASONS.indexOf(reason);
    n[at + 4] = inputIndex;
    n[at + 5] = line;
  }

  take(): RecordBatch {
    return {
      numbers: this.numbers,
      bytes: this.bytes.subarray(0, this.bytes.length),
      count: this.count,
      inputs: [...this.inputs],
    };
  }

  /** Copies one field's bytes and records where they now lie; -1 (absent) and DASH_URL pass through. */
  private range(slot: number, buf: Buffer, start: number, end: number): void {
    const n = this.numbers;
    if (start < 0) {
      n[slot] = n[slot + 1] = start;
      return;
    }
    n[slot] = this.used;
    this.copy(buf, start, end);
    n[slot + 1] = this.used;
  }

  private copy(source: Buffer, start: number, end: number): void {
    const length = end - start;
    if (this.used + length > this.bytes.length) {
      const bigger = Buffer.from(new ArrayBuffer(Math.max(this.bytes.length * 2, this.used + length)));
      this.bytes.copy(bigger, 0, 0, this.used);
      this.bytes = bigger;
    }
    const bytes = this.bytes;
    let to = this.used;
    for (let i = start; i < end; i++) bytes[to++] = source[i]!;
    this.used = to;
  }
}

/** Feeds a batch to the analyser as if its lines had just been parsed. */
export function replayBatch(batch: RecordBatch, analyser: AccessLogAnalyser, record: LogRecord): void {
  const n = batch.numbers;
  const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
  for (let line = 0; line < batch.count; line++) {
    const at = line * F;
    if (n[at + Slot.Kind] === 1) {
      analyser.fail(batch.inputs[n[at + 4]!]!, n[at + 5]!, REASONS[n[at + 3]!]!, bytes, n[at + 1]!, n[at + 2]!);
      continue;
    }
    record.reset(bytes);
    for (let field = 0; field < SPANS; field++) record.spans[field] = n[at + Slot.Ranges + field]!;
    for (let k = 0; k < NUMERIC_FIELDS.length; k++) record[NUMERIC_FIELDS[k]!] = n[at + Slot.Numbers + k]!;
    record.hasTime = n[at + HAS_TIME] === 1;
    analyser.add(record);
  }
}
