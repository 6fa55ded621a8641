/**
 * Measurements taken in turns, round after round, so that both sides of a ratio see the same machine: on a shared
 * machine whose speed drifts by half within an hour, the ratio of two runs taken minutes apart is mostly that drift.
 * Each round runs every measurement once, in the order given.
 */
export async function inTurns<K extends string, T>(
  rounds: number,
  measurements: Record<K, () => Promise<T>>,
): Promise<Record<K, T[]>> {
  const names = Object.keys(measurements) as K[];
  const results = Object.fromEntries(names.map((name) => [name, [] as T[]])) as Record<K, T[]>;
  for (let round = 0; round < rounds; round += 1) {
    for (const name of names) results[name].push(await measurements[name]());
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
