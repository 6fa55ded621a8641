import Table from 'cli-table3';

/** A plain table on stdout; cli-table3 only colours its borders when the output is a terminal. */
export function printTable(head: string[], rows: string[][]): void {
  const table = new Table({ head, style: { head: process.stdout.isTTY ? ['cyan'] : [], border: [] } });
  table.push(...rows);
  process.stdout.write(`${table.toString()}\n`);
}
