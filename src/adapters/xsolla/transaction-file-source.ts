import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse';
import { parse as parseLossless } from 'lossless-json';
import {
  ReconciliationInputError,
  ReportedTransactionSource,
  SourceProgress,
} from '../../application/ports/reported-transaction-source';
import { ReportedTransaction } from '../../domain/reconciliation';
import { jsonArrayElements } from './json-array-elements';
import { reportedTransactionOf } from './search-entry';

/** Transactions handed on per batch. */
const BATCH = 1000;

/** The columns a CSV export must have (dotted paths of the JSON fields); the others are optional. */
const REQUIRED_COLUMNS = ['transaction.id', 'transaction.status', 'user.id'];
const DATE_COLUMNS = ['transaction.payment_date', 'transaction.create_date'];

/**
 * An export of Xsolla's transactions search: `FILE.json` (its JSON answer, an array) or `FILE.csv` (one
 * transaction a row, under a header naming the JSON fields by their dotted paths). Streamed, so memory does not
 * grow with the file; a row that makes no sense stops the run, named by its place in the file.
 */
export function transactionFileSource(path: string): ReportedTransactionSource {
  const extension = extname(path).toLowerCase();
  if (extension !== '.json' && extension !== '.csv') {
    throw new ReconciliationInputError('INVALID_SOURCE', `--source must be api, a .json or a .csv file, not ${path}`);
  }
  return {
    name: path,
    batches: (_days, progress) => batched(extension === '.json' ? jsonRows(path, progress) : csvRows(path, progress)),
  };
}

async function* batched(rows: AsyncIterable<ReportedTransaction>): AsyncGenerator<ReportedTransaction[]> {
  let batch: ReportedTransaction[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** The file's bytes, counted for the progress bar; a file that cannot be read is an input error naming it. */
async function* fileChunks(path: string, progress: SourceProgress): AsyncGenerator<Buffer> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new ReconciliationInputError('SOURCE_UNREADABLE', `cannot read ${path}: ${(error as Error).message}`);
  }
  let done = 0;
  let shown = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    done += (chunk as Buffer).length;
    if (done - shown >= 1 << 22 || done === size) {
      progress(done, size);
      shown = done;
    }
    yield chunk as Buffer;
  }
}

async function* jsonRows(path: string, progress: SourceProgress): AsyncGenerator<ReportedTransaction> {
  let row = 0;
  try {
    for await (const text of jsonArrayElements(fileChunks(path, progress))) {
      row += 1;
      yield reportedTransactionOf(parseElement(text, row), `${path}: transaction ${row} of the array`);
    }
  } catch (error) {
    if (error instanceof ReconciliationInputError) throw error;
    throw new ReconciliationInputError('MALFORMED_ROW', `${path}: ${(error as Error).message}`);
  }
}

/**
 * One element of the array. JSON.parse is exact for numbers of up to 15 significant digits, which covers every
 * amount and most ids; an element with a longer number is parsed losslessly (its digits kept as they are).
 */
function parseElement(text: string, row: number): unknown {
  try {
    return LONG_NUMBER.test(text) ? parseLossless(text) : (JSON.parse(text) as unknown);
  } catch (error) {
    throw new Error(`transaction ${row} of the array is not valid JSON: ${(error as Error).message}`);
  }
}

/** A digit followed by 15 more digits or points: a number that a double might not hold exactly. */
const LONG_NUMBER = /[0-9][0-9.]{15,}/;

async function* csvRows(path: string, progress: SourceProgress): AsyncGenerator<ReportedTransaction> {
  const records = parseCsv({ bom: true, skip_empty_lines: true, info: true });
  const input = fileChunks(path, progress);
  const feeding = (async () => {
    try {
      for await (const chunk of input) if (!records.write(chunk)) await new Promise((go) => records.once('drain', go));
      records.end();
    } catch (error) {
      records.destroy(error as Error);
    }
  })();
  let header: string[] | null = null;
  try {
    for await (const { record, info } of records as AsyncIterable<{
      record: string[];
      info: { lines: number; records: number };
    }>) {
      if (header === null) {
        header = checkedHeader(path, record);
        continue;
      }
      const where = `${path}: row ${info.records - 1} (line ${info.lines})`;
      yield reportedTransactionOf(nested(header, record), where);
    }
  } catch (error) {
    if (error instanceof ReconciliationInputError) throw error;
    throw new ReconciliationInputError('MALFORMED_ROW', `${path} is not valid CSV: ${(error as Error).message}`);
  } finally {
    records.destroy();
    await feeding;
  }
  if (header === null) throw new ReconciliationInputError('MALFORMED_ROW', `${path} has no header row`);
}

function checkedHeader(path: string, header: string[]): string[] {
  const columns = header.map((column) => column.trim());
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (!DATE_COLUMNS.some((column) => columns.includes(column))) missing.push(DATE_COLUMNS.join(' or '));
  if (missing.length > 0) {
    throw new ReconciliationInputError(
      'MALFORMED_ROW',
      `${path}: the header row lacks ${missing.join(', ')} (columns are the JSON fields' dotted paths)`,
    );
  }
  return columns;
}

/** A CSV row as the nested object its dotted column names describe; empty cells are left out. */
function nested(header: string[], record: string[]): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  header.forEach((column, at) => {
    const value = record[at];
    if (value === undefined || value === '') return;
    const keys = column.split('.');
    let node = entry;
    for (const key of keys.slice(0, -1)) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1] ?? column] = value;
  });
  return entry;
}
