import { parentPort, workerData } from 'node:worker_threads';
import { AccessLogAnalyser, AnalysisFilters, AnalysisScope } from './access-log-analyser';
import { buildReport, ReportLimits } from './access-log-report';
import { InputOutcome } from './input-outcome';
import { LogRecord } from './log-record';
import { RecordBatch, replayBatch } from './record-batch';

/** The counting half of a two-thread analysis: batches in, buffers back for reuse, the report at the end. */
export type WorkerRequest =
  { type: 'batch'; batch: RecordBatch } | { type: 'end'; format: string; inputs: InputOutcome[]; limits: ReportLimits };

export interface WorkerSetup {
  filters: AnalysisFilters;
  scope: AnalysisScope;
}

const { filters, scope } = workerData as WorkerSetup;
const analyser = new AccessLogAnalyser(filters, scope);
const record = new LogRecord();

parentPort!.on('message', (message: WorkerRequest) => {
  if (message.type === 'batch') {
    replayBatch(message.batch, analyser, record);
    const { numbers, bytes } = message.batch;
    parentPort!.postMessage({ type: 'free', numbers, bytes }, [
      numbers.buffer as ArrayBuffer,
      bytes.buffer as ArrayBuffer,
    ]);
    return;
  }
  analyser.release();
  const report = buildReport({ analyser, format: message.format, inputs: message.inputs }, message.limits);
  parentPort!.postMessage({ type: 'report', report });
});
