import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AccessLogAnalyser, AnalysisFilters, AnalysisScope } from './access-log-analyser';
import { AccessLogReport, buildReport, ReportLimits } from './access-log-report';
import { LineFault } from './log-format';
import { LogRecord } from './log-record';
import { BATCH_BYTES, BATCH_NUMBERS, RecordBatchWriter } from './record-batch';
import type { InputOutcome } from './input-outcome';
import type { WorkerRequest, WorkerSetup } from './analysis-worker';

/** Where parsed lines go: straight into an analyser, or across to a worker thread that counts them. */
export interface RecordSink {
  add(record: LogRecord): void;
  fail(input: string, line: number, reason: LineFault | 'too-long', buf: Buffer, start: number, end: number): void;
  /** Resolves when the sink can take more (a worker has a batch buffer free). */
  ready(): Promise<void>;
  finish(format: string, inputs: InputOutcome[], limits: ReportLimits): Promise<AccessLogReport>;
}

/** Counting on the reading thread: the simple path, used where no compiled worker script exists (ts-jest). */
export class InProcessSink implements RecordSink {
  readonly analyser: AccessLogAnalyser;

  /** `oneShot`: finish is called once, after the last line, so what only counting needs is dropped first. */
  constructor(
    filters: AnalysisFilters,
    private readonly oneShot = false,
    scope: AnalysisScope = 'all',
  ) {
    this.analyser = new AccessLogAnalyser(filters, scope);
  }

  add(record: LogRecord): void {
    this.analyser.add(record);
  }

  fail(input: string, line: number, reason: LineFault | 'too-long', buf: Buffer, start: number, end: number): void {
    this.analyser.fail(input, line, reason, buf, start, end);
  }

  ready(): Promise<void> {
    return Promise.resolve();
  }

  finish(format: string, inputs: InputOutcome[], limits: ReportLimits): Promise<AccessLogReport> {
    if (this.oneShot) this.analyser.release();
    return Promise.resolve(buildReport({ analyser: this.analyser, format, inputs }, limits));
  }
}

const IN_FLIGHT = 3;

/**
 * Counting on a worker thread: this thread reads and parses, packs lines into batches and hands them over; at
 * most IN_FLIGHT batches are out at once, so memory stays flat whatever the input's length.
 */
export class WorkerSink implements RecordSink {
  private readonly worker: Worker;
  private readonly writer = new RecordBatchWriter();
  private readonly spare: { numbers: Float64Array; bytes: Uint8Array }[] = [];
  private inFlight = 0;
  private waiting: (() => void) | null = null;
  private failure: Error | null = null;
  private onReport: ((report: AccessLogReport) => void) | null = null;

  constructor(script: string, setup: WorkerSetup) {
    this.worker = new Worker(script, { workerData: setup });
    this.worker.on(
      'message',
      (
        message:
          { type: 'free'; numbers: Float64Array; bytes: Uint8Array } | { type: 'report'; report: AccessLogReport },
      ) => {
        if (message.type === 'report') {
          this.onReport?.(message.report);
          return;
        }
        this.inFlight--;
        this.spare.push({ numbers: message.numbers, bytes: message.bytes });
        this.wake();
      },
    );
    this.worker.on('error', (error) => {
      this.failure = error;
      this.wake();
    });
  }

  add(record: LogRecord): void {
    this.writer.addRecord(record);
    if (this.writer.full) this.send();
  }

  fail(input: string, line: number, reason: LineFault | 'too-long', buf: Buffer, start: number, end: number): void {
    this.writer.addFailure(input, line, reason, buf, start, end);
    if (this.writer.full) this.send();
  }

  async ready(): Promise<void> {
    while (this.inFlight >= IN_FLIGHT && !this.failure) await new Promise<void>((resolve) => (this.waiting = resolve));
    if (this.failure) throw this.failure;
  }

  async finish(format: string, inputs: InputOutcome[], limits: ReportLimits): Promise<AccessLogReport> {
    if (this.writer.count) this.send();
    const report = new Promise<AccessLogReport>((resolve, reject) => {
      this.onReport = resolve;
      this.worker.once('error', reject);
    });
    this.post({ type: 'end', format, inputs, limits });
    try {
      return await report;
    } finally {
      await this.worker.terminate();
    }
  }

  private send(): void {
    const batch = this.writer.take();
    this.inFlight++;
    this.post({ type: 'batch', batch }, [batch.numbers.buffer as ArrayBuffer, batch.bytes.buffer as ArrayBuffer]);
    const spare = this.spare.pop();
    // The batch's buffers now belong to the worker: carry on with one it handed back, or new ones.
    this.writer.reset(
      spare?.numbers ?? new Float64Array(BATCH_NUMBERS),
      spare?.bytes ?? new Uint8Array(new ArrayBuffer(BATCH_BYTES)),
    );
  }

  private post(message: WorkerRequest, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }
}

/** The compiled worker script next to this module, when there is one (not under ts-jest, which runs sources). */
export function workerScript(): string | null {
  const script = join(__dirname, 'analysis-worker.js');
  return existsSync(script) ? script : null;
}
