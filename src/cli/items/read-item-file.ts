import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { RowIssue } from '../../application/import-items';
import { ItemDraft } from '../../domain/item';
import { usageError } from '../cli-error';
import { itemRowSchema } from './item-row-schema';

export interface ItemFile {
  rows: { row: number; draft: ItemDraft }[];
  issues: RowIssue[];
}

/**
 * Reads an items file, a JSON array or a CSV with a header row (told apart by the extension, else by the first
 * character), into drafts and the issues of the rows that do not fit. A file that cannot be read at all is a
 * usage error.
 */
export async function readItemFile(path: string): Promise<ItemFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw usageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const records = isJson(path, text) ? jsonRecords(path, text) : csvRecords(path, text);
  if (records.length === 0) throw usageError(`${path} has no item rows`);
  const file: ItemFile = { rows: [], issues: [] };
  records.forEach((record, index) => {
    const row = index + 1;
    const parsed = itemRowSchema.safeParse(record);
    if (parsed.success) file.rows.push({ row, draft: parsed.data });
    else
      file.issues.push(
        ...parsed.error.issues.map((issue) => ({ row, field: issueField(issue), message: issue.message })),
      );
  });
  return file;
}

function isJson(path: string, text: string): boolean {
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return true;
  if (extension === '.csv') return false;
  return text.trimStart().startsWith('[');
}

function jsonRecords(path: string, text: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw usageError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(value)) throw usageError(`${path} must hold a JSON array of items`);
  return value;
}

function csvRecords(path: string, text: string): unknown[] {
  try {
    return parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as unknown[];
  } catch (error) {
    throw usageError(`${path} is not valid CSV: ${(error as Error).message}`);
  }
}

function issueField(issue: { path: PropertyKey[]; code: string; keys?: string[] }): string {
  if (issue.code === 'unrecognized_keys' && issue.keys) return issue.keys.join(', ');
  return issue.path.map(String).join('.') || '(row)';
}
