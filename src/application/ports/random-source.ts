/** Chance, injectable so that box draws can be fixed in tests and measured in a statistics test. */
export interface RandomSource {
  /** A uniformly distributed number in [0, 1). */
  next(): number;
}
