import { seededRandom } from '../../../bench/access-log-generator';
import { DatedNumbers } from '../../../src/adapters/log-analysis/dated-numbers';
import { KeyNumbers } from '../../../src/adapters/log-analysis/key-numbers';
import { PackedRows } from '../../../src/adapters/log-analysis/packed-rows';
import { PanelVisitors } from '../../../src/adapters/log-analysis/panel-visitors';

const rowsOf = (values: Int32Array, width: number): number[][] =>
  Array.from({ length: values.length / width }, (_, row) => [...values.subarray(row * width, (row + 1) * width)]);

describe('packed rows', () => {
  it.each([2, 3])('give back every row of width %i, sorted by the first column', (width) => {
    const random = seededRandom(width);
    const extremes = [0, 1, -1, 2 ** 31 - 1, -(2 ** 31)];
    const values = Int32Array.from({ length: 3000 * width }, (_, i) =>
      i < 25 * width ? extremes[i % 5]! : (random() * 2 ** 32) | 0,
    );
    const rows = rowsOf(values, width);
    const packed = PackedRows.of(values, width);

    const back = rowsOf(packed.rows(), width);
    expect(packed.count).toBe(3000);
    expect(back.map((row) => row[0])).toEqual(rows.map((row) => row[0]!).sort((x, y) => x - y));
    const text = (list: number[][]) => list.map((row) => row.join(',')).sort();
    expect(text(back)).toEqual(text(rows));
  });

  it('take a few bytes a row when rows are close to each other', () => {
    const values = Int32Array.from({ length: 20000 }, (_, i) => (i % 2 ? 500000 + ((i * 7919) % 30000) : 400000 + i));
    expect(PackedRows.of(values, 2)['bytes'].length).toBeLessThan(5 * 10000);
  });
});

/**
 * Dates in runs, short and long, back and forth, so that tables are packed while their date is away and unpacked
 * when it comes back: the numbers and counts must be those of plain maps.
 */
describe.each([3000, 30000])('tables per date, packed while their date is away (runs of %i)', (run) => {
  const calls = (seed: number, count: number): { date: number; a: number; b: number }[] => {
    const random = seededRandom(seed);
    const list = [];
    let date = 20261101;
    for (let i = 0; i < count; i++) {
      if (random() < 1 / run) date = 20261101 + Math.floor(random() * 6);
      list.push({ date, a: Math.floor(random() * 4000), b: Math.floor(random() * 30) });
    }
    return list;
  };

  it('number (date, a, b) triples as one sequence over all dates', () => {
    const numbers = new DatedNumbers();
    const model = new Map<string, number>();
    const [got, expected] = [[] as number[], [] as number[]];
    for (const { date, a, b } of calls(1, 100000)) {
      const key = `${date} ${a} ${b}`;
      if (!model.has(key)) model.set(key, model.size + 1);
      got.push(numbers.numberOf(date, a, b));
      expected.push(model.get(key)!);
    }
    expect(got).toEqual(expected);
    expect(numbers.size).toBe(model.size);
  });

  it('forget the dates dropped, packed or open, and go on with the same sequence', () => {
    const numbers = new DatedNumbers();
    const seen = new Map<string, number>();
    for (const { date, a, b } of calls(3, 100000)) seen.set(`${date} ${a} ${b}`, numbers.numberOf(date, a, b));
    numbers.dropThrough(20261103);
    const [got, expected] = [[] as number[], [] as number[]];
    let next = numbers.size + 1;
    for (const [key, number] of [...seen].filter((_, i) => i % 97 === 0)) {
      const [date, a, b] = key.split(' ').map(Number) as [number, number, number];
      got.push(numbers.numberOf(date, a, b));
      expected.push(date <= 20261103 ? next++ : number);
    }
    expect(got).toEqual(expected);
    expect(new Set(expected.filter((n) => n > seen.size)).size).toBeGreaterThan(100);
  });

  it("number a panel's keys per date, and count each pair once per date", () => {
    const keys = new KeyNumbers();
    const panel = new PanelVisitors();
    const numberOf = new Map<string, number>();
    const pairs = new Set<string>();
    const counts = new Map<number, number>();
    const [got, expected] = [[] as number[], [] as number[]];
    for (const { date, a, b } of calls(2, 100000)) {
      const key = `${date} ${a}`;
      if (!numberOf.has(key)) numberOf.set(key, numberOf.size + 1);
      const number = numberOf.get(key)!;
      got.push(keys.numberOf(date, a));
      expected.push(number);
      const visitor = b + 1;
      const pair = `${date} ${Math.min(number, visitor)} ${Math.max(number, visitor)}`;
      if (!pairs.has(pair)) {
        pairs.add(pair);
        counts.set(a, (counts.get(a) ?? 0) + 1);
      }
      panel.add(date, a, a, visitor);
    }
    expect(got).toEqual(expected);
    expect([...counts.keys()].map((item) => panel.get(item))).toEqual([...counts.values()]);
  });
});
