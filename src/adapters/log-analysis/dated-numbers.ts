import { ByDate } from './by-date';
import { IntPairMap } from './int-pair-map';

/**
 * (date, a, b) int32 triples numbered 1, 2, 3… in the order first seen, one sequence over all dates (as GoAccess
 * numbers visitors, by host, agent and date): kept in one table per date, 12 bytes a slot.
 */
export class DatedNumbers {
  private readonly tables = new ByDate((expected) => new IntPairMap(expected));
  size = 0;
  /** True when the last `numberOf` call numbered a new triple. */
  lastWasNew = false;

  numberOf(date: number, a: number, b: number): number {
    const table = this.tables.of(date);
    const number = table.valueOf(a, b, this.size + 1);
    this.lastWasNew = table.lastWasNew;
    if (this.lastWasNew) this.size++;
    return number;
  }

  /** Forgets the triples of every date up to `date`; the sequence goes on. */
  dropThrough(date: number): void {
    this.tables.dropThrough(date);
  }
}
