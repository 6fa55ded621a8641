import { ByteKeyTable } from './byte-key-table';
import { dropMemory } from './dropped-memory';
import { CounterColumn } from './counter-column';
import { ipv4Number } from './ip-address';

/**
 * Interns hosts to dense ids. An IPv4 address written the one way inet_ntoa writes it (four parts of 0–255, no
 * leading zeros) is kept as its 32-bit number, from which its text is written again exactly: 4 bytes a host and
 * 4 a slot, where its bytes, their place and length and a slot of hash and id took some 30. Any other host (IPv6, a
 * name) keeps its bytes in a ByteKeyTable of its own, under an id of the same sequence.
 */
export class HostTable {
  /** id + 1 per slot (0: empty), for the IPv4 hosts; their numbers are kept by id. */
  private slots = new Int32Array(2048);
  private mask = 2047;
  private readonly addresses = new CounterColumn();
  private readonly named = new ByteKeyTable();
  /** Per id: its id + 1 in `named` (0: an IPv4 host); per id in `named`: its id here. */
  private readonly namedIdOf = new CounterColumn();
  private readonly idOfNamed = new CounterColumn();
  private ipv4Count = 0;
  size = 0;
  /** True when the last `intern` call added a new host. */
  lastWasNew = false;

  /**
   * The id of the host source[start..end); `address` is its ipv4Number when the caller has it already (the line's
   * parser read it).
   */
  intern(source: Uint8Array, start: number, end: number, address = ipv4Number(source, start, end)): number {
    return address < 0 ? this.internNamed(source, start, end) : this.internAddress(address | 0);
  }

  text(id: number): string {
    const named = this.namedIdOf.get(id) - 1;
    if (named >= 0) return this.named.text(named);
    const address = this.addresses.get(id);
    return `${address >>> 24}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}`;
  }

  private internAddress(address: number): number {
    const slots = this.slots;
    const addresses = this.addresses;
    let slot = slotOf(address, this.mask);
    for (;;) {
      const id = slots[slot]! - 1;
      if (id < 0) break;
      if (addresses.get(id) === address) {
        this.lastWasNew = false;
        return id;
      }
      slot = (slot + 1) & this.mask;
    }
    this.lastWasNew = true;
    const id = this.size++;
    addresses.set(id, address);
    slots[slot] = id + 1;
    if (++this.ipv4Count * 10 > this.mask * 7) this.grow();
    return id;
  }

  private internNamed(source: Uint8Array, start: number, end: number): number {
    const named = this.named.intern(source, start, end);
    this.lastWasNew = this.named.lastWasNew;
    if (!this.lastWasNew) return this.idOfNamed.get(named);
    const id = this.size++;
    this.idOfNamed.set(named, id);
    this.namedIdOf.set(id, named + 1);
    return id;
  }

  /** Twice the slots, filled from the ids' numbers. */
  private grow(): void {
    dropMemory(this.slots.byteLength);
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.mask * 2 + 1;
    const slots = this.slots;
    for (let id = 0; id < this.size; id++) {
      if (this.namedIdOf.get(id)) continue;
      let slot = slotOf(this.addresses.get(id), this.mask);
      while (slots[slot] !== 0) slot = (slot + 1) & this.mask;
      slots[slot] = id + 1;
    }
  }
}

const slotOf = (address: number, mask: number): number => {
  const hash = Math.imul(address ^ (address >>> 16), 0x45d9f3b);
  return (hash ^ (hash >>> 16)) & mask;
};
