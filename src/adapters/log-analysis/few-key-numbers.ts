/** Keys of a panel of few keys are below this (status codes, their classes as 1000 + class, hours). */
const KEY_LIMIT = 2048;
/** The most distinct keys such a panel takes, its categories' keys included. */
const MAX_PLACES = 128;

/**
 * KeyNumbers for a panel of few small keys (status codes and their classes, hours of the day): each date keeps its
 * keys' numbers in a small array by the key's place among the panel's keys, so a line finds its numbers by two reads
 * where a hash table per date took a hash and a probe, twice a line for the status codes. 512 bytes a date.
 */
export class FewKeyNumbers {
  /** Per key: its place + 1 among the keys seen (0: not seen yet). */
  private readonly places = new Uint8Array(KEY_LIMIT);
  private placesUsed = 0;
  private readonly byDate = new Map<number, Int32Array>();
  private lastDate = NaN;
  private numbers: Int32Array = new Int32Array(0);
  private size = 0;

  /** The number of `key` on `date`, the next of the panel's sequence when the key is new on that date. */
  numberOf(date: number, key: number): number {
    if (date !== this.lastDate) this.openDate(date);
    const place = (this.places[key] || this.newPlace(key)) - 1;
    return this.numbers[place] || (this.numbers[place] = ++this.size);
  }

  /** Forgets the numbers of every date up to `date`; the sequence goes on. */
  dropThrough(date: number): void {
    for (const day of this.byDate.keys()) if (day <= date) this.byDate.delete(day);
    if (this.lastDate <= date) {
      this.lastDate = NaN;
      this.numbers = new Int32Array(0);
    }
  }

  private openDate(date: number): void {
    let numbers = this.byDate.get(date);
    if (!numbers) this.byDate.set(date, (numbers = new Int32Array(MAX_PLACES)));
    this.numbers = numbers;
    this.lastDate = date;
  }

  private newPlace(key: number): number {
    if (!(key >= 0 && key < KEY_LIMIT)) throw new Error(`a panel of few keys got key ${key}, not below ${KEY_LIMIT}`);
    if (this.placesUsed === MAX_PLACES) throw new Error(`a panel of few keys got more than ${MAX_PLACES}`);
    this.places[key] = ++this.placesUsed;
    return this.placesUsed;
  }
}
