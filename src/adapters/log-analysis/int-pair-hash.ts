/** The first slot to probe for the pair (a, b) in a table of mask + 1 slots (a power of two). */
export function slotOf(a: number, b: number, mask: number): number {
  let hash = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77);
  hash ^= hash >>> 15;
  return (Math.imul(hash, 0x2c1b3c6d) >>> 7) & mask;
}

/** The slots (a power of two, 256 at least) that hold `count` pairs below the 0.7 load at which a table grows. */
export function slotsFor(count: number): number {
  let slots = 256;
  while (count * 10 > (slots - 1) * 7) slots *= 2;
  return slots;
}
