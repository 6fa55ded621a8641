import { ItemDraft, ItemIssue, itemDraftIssues } from '../domain/item';
import { fail, ok, Result } from '../domain/result';
import { Clock } from './ports/clock';
import { UnitOfWork } from './ports/unit-of-work';

/** One bad field of one row of an import; rows count from 1 as an operator reads the file. */
export interface RowIssue {
  row: number;
  field: string;
  message: string;
}

export interface ImportSummary {
  created: string[];
  updated: string[];
}

/**
 * Upserts the catalogue by SKU from an operator's file: every row is checked first, and a single bad row
 * (or a SKU given twice) imports nothing, so a catalogue is never left half-updated.
 */
export class ImportItems {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(input: {
    rows: { row: number; draft: ItemDraft }[];
    /** Issues found while reading the file (wrong types, missing fields), reported with the domain's own. */
    readIssues?: RowIssue[];
  }): Promise<Result<ImportSummary, { type: 'InvalidRows'; issues: RowIssue[] }>> {
    const issues = [...(input.readIssues ?? []), ...rowIssues(input.rows)].sort((a, b) => a.row - b.row);
    if (issues.length > 0) return Promise.resolve(fail({ type: 'InvalidRows', issues }));
    return this.uow.run(async (tx) => {
      const at = this.clock.now();
      const summary: ImportSummary = { created: [], updated: [] };
      for (const { draft } of input.rows) {
        const existing = await tx.items.findBySku(draft.sku);
        await tx.items.upsertBySku(draft, at);
        (existing ? summary.updated : summary.created).push(draft.sku);
      }
      return ok(summary);
    });
  }
}

function rowIssues(rows: { row: number; draft: ItemDraft }[]): RowIssue[] {
  const firstRowOfSku = new Map<string, number>();
  return rows.flatMap(({ row, draft }) => {
    const issues = itemDraftIssues(draft).map((issue: ItemIssue) => ({
      row,
      field: issue.field,
      message: issue.message,
    }));
    const first = firstRowOfSku.get(draft.sku);
    if (first === undefined) firstRowOfSku.set(draft.sku, row);
    else issues.push({ row, field: 'sku', message: `repeats the SKU of row ${first}` });
    return issues;
  });
}
