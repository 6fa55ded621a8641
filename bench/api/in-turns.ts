/**
 * Measurements taken in turns, round after round, so that both sides of a ratio see the same machine: on a shared
 * machine whose speed drifts by half within an hour, the ratio of two runs taken minutes apart is mostly that drift.
 * Each round runs every measurement once, in the order given; with `alternate`, every other round in the reverse
 * order, so that no side always comes first after whatever the machine did before the round (the database still
 * flushing what an earlier measurement wrote, say).
 */
export async function inTurns<K extends string, T>(
  rounds: number,
  measurements: Record<K, () => Promise<T>>,
  options: { alternate?: boolean } = {},
): Promise<Record<K, T[]>> {
  const names = Object.keys(measurements) as K[];
  const results = Object.fromEntries(names.map((name) => [name, [] as T[]])) as Record<K, T[]>;
  for (let round = 0; round < rounds; round += 1) {
    const order = options.alternate === true && round % 2 === 1 ? [...names].reverse() : names;
    for (const name of order) results[name].push(await measurements[name]());
  }
  return results;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** The median of each round's ratio `of[round] / to[round]`: a figure that the machine's drift between rounds leaves be. */
export const pairedRatio = (of: readonly number[], to: readonly number[]): number =>
  median(of.map((value, round) => value / (to[round] as number)));
