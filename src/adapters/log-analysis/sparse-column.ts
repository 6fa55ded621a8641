import { ColumnType, CounterColumn } from './counter-column';
import { IntMap } from './int-map';

/**
 * A CounterColumn for the few ids of a big table that get a count: each such id gets a slot of its own in a small
 * column, where a CounterColumn would take a number for every id of the table.
 */
export class SparseColumn {
  private readonly slots = new IntMap();
  private readonly values: CounterColumn;

  constructor(type: ColumnType = Int32Array) {
    this.values = new CounterColumn(type);
  }

  add(id: number, amount: number): void {
    this.values.add(this.slots.valueOf(id, this.slots.size + 1) - 1, amount);
  }

  get(id: number): number {
    const slot = this.slots.get(id) - 1;
    return slot < 0 ? 0 : this.values.get(slot);
  }
}
