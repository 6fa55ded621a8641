import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliRun, runCliAsync } from './forte-cli';

/** A `forte-cli reconcile --format json` run: its exit code, its report (or its JSON error), and stderr. */
export interface ReconcileRun {
  status: number | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  report: any;
  stderr: string;
}

const asReconcileRun = (run: CliRun): ReconcileRun => {
  let report: unknown = null;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new Error(`reconcile printed no JSON (exit ${run.status}): ${run.stdout}${run.stderr}`);
  }
  return { status: run.status, report, stderr: run.stderr };
};

const reconcileArgs = (from: string, to: string, args: string[]): string[] => [
  'reconcile',
  '--from',
  from,
  '--to',
  to,
  '--format',
  'json',
  ...args,
];

/**
 * Runs the built CLI's reconcile over `from..to` with this environment, without blocking: the test's own process may
 * serve Forte or the Xsolla emulator meanwhile.
 */
export const reconcileWith =
  (env: Record<string, string>) =>
  async (from: string, to: string, ...args: string[]): Promise<ReconcileRun> =>
    asReconcileRun(await runCliAsync(reconcileArgs(from, to, args), { env }));

/** A throw-away folder for export files. */
const folder = mkdtempSync(join(tmpdir(), 'forte-reconcile-'));

/** Writes an export file (its name gives its kind: `.json` or `.csv`) and answers its path. */
export function exportFile(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/** Today's UTC day, `YYYY-MM-DD`: the day of the transactions a test makes now. */
export const utcToday = (): string => new Date().toISOString().slice(0, 10);
