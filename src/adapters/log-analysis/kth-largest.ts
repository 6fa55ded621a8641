/**
 * The k-th largest of `count` values (duplicates counted), read by index, in a min-heap of the k largest so far:
 * no copy of all the values to sort, which the report would allocate while the counting state still waits for
 * the garbage collector. -Infinity when there are fewer than k values.
 */
export function kthLargest(count: number, valueAt: (index: number) => number, k: number): number {
  if (k <= 0) return Infinity;
  if (count < k) return -Infinity;
  const heap = new Float64Array(k);
  for (let i = 0; i < count; i++) {
    const value = valueAt(i);
    if (i < k) siftUp(heap, i, value);
    else if (value > heap[0]!) siftDown(heap, k, value);
  }
  return heap[0]!;
}

function siftUp(heap: Float64Array, at: number, value: number): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (heap[parent]! <= value) break;
    heap[at] = heap[parent]!;
    at = parent;
  }
  heap[at] = value;
}

/** Replaces the smallest (the root) with `value`. */
function siftDown(heap: Float64Array, size: number, value: number): void {
  let at = 0;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= size) break;
    if (child + 1 < size && heap[child + 1]! < heap[child]!) child++;
    if (heap[child]! >= value) break;
    heap[at] = heap[child]!;
    at = child;
  }
  heap[at] = value;
}
