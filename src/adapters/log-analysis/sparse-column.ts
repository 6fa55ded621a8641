import { IntMap } from './int-map';
import { WideColumn } from './wide-column';

/**
 * A column of counts or sums for the few ids of a big table that get one: each such id gets a slot of its own in a
 * small column, where a column by id would take a number for every id of the table.
 */
export class SparseColumn {
  private readonly slots = new IntMap();
  private readonly values = new WideColumn();

  add(id: number, amount: number): void {
    this.values.add(this.slots.valueOf(id, this.slots.size + 1) - 1, amount);
  }

  get(id: number): number {
    const slot = this.slots.get(id) - 1;
    return slot < 0 ? 0 : this.values.get(slot);
  }
}
