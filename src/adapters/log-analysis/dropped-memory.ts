import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Bytes of dropped typed arrays after which the garbage collector is asked to run. */
const COLLECT_AFTER = 2 << 20;

/**
 * V8's full collection, exposed for this process at run time (`--expose-gc` read as a new context is made), or
 * null where that cannot be done.
 */
const collect = ((): (() => void) | null => {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    setFlagsFromString('--no-expose-gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
})();

let dropped = 0;

/**
 * Notes `bytes` of typed arrays just dropped (a hash table's slots after it grew, the counting state before the
 * report). V8 frees a typed array's memory only when it collects, and it collects when its own heap fills or its
 * arrays have grown by 64 MB since the last time; a loop that allocates nothing seldom fills the heap, so dropped
 * arrays would wait there and add to the peak memory. Past 2 MB dropped, a full collection (some 10 ms on the
 * analysis's small heap; 6 of them for a million lines, where 4 MB made 3 and a peak 2 MB higher) frees them.
 */
export function dropMemory(bytes: number): void {
  dropped += bytes;
  if (dropped < COLLECT_AFTER) return;
  dropped = 0;
  collect?.();
}
