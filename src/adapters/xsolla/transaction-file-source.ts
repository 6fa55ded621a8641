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
import { FieldReader, jsonFields, reportedTransactionOf } from './search-entry';

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
      const at = row;
      yield reportedTransactionOf(jsonFields(parseElement(text, row)), () => `${path}: transaction ${at} of the array`);
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
  const records = parseCsv({ bom: true, skip_empty_lines: true });
  const input = fileChunks(path, progress);
  const feeding = (async () => {
    try {
      for await (const chunk of input) if (!records.write(chunk)) await new Promise((go) => records.once('drain', go));
      records.end();
    } catch (error) {
      records.destroy(error as Error);
    }
  })();
  let columns: Map<string, number> | null = null;
  let row = 0;
  try {
    for await (const record of records as AsyncIterable<string[]>) {
      if (columns === null) {
        columns = checkedHeader(path, record);
        continue;
      }
      row += 1;
      const at = row;
      yield reportedTransactionOf(cells(columns, record), () => `${path}: row ${at}`);
    }
  } catch (error) {
    if (error instanceof ReconciliationInputError) throw error;
    throw new ReconciliationInputError('MALFORMED_ROW', `${path} is not valid CSV: ${(error as Error).message}`);
  } finally {
    records.destroy();
    await feeding;
  }
  if (columns === null) throw new ReconciliationInputError('MALFORMED_ROW', `${path} has no header row`);
}

/** The header's columns by name (the JSON fields' dotted paths), once it holds the ones a transaction needs. */
function checkedHeader(path: string, header: string[]): Map<string, number> {
  const columns = new Map(header.map((column, at) => [column.trim(), at]));
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.has(column));
  if (!DATE_COLUMNS.some((column) => columns.has(column))) missing.push(DATE_COLUMNS.join(' or '));
  if (missing.length > 0) {
    throw new ReconciliationInputError(
      'MALFORMED_ROW',
      `${path}: the header row lacks ${missing.join(', ')} (columns are the JSON fields' dotted paths)`,
    );
  }
  return columns;
}

/** A CSV row's cells by their column's dotted path; an empty cell is an absent field. */
const cells =
  (columns: Map<string, number>, record: string[]): FieldReader =>
  (path) => {
    const at = columns.get(path);
    const cell = at === undefined ? undefined : record[at];
    return cell === '' ? undefined : cell;
  };
