/**
 * The effects one attempt of a transaction queued with `afterCommit`: a unit of work runs them once its commit
 * succeeded and drops them when the attempt rolls back, so a retried attempt's effects never run twice.
 */
export class AfterCommit {
  private readonly effects: (() => void)[] = [];

  readonly add = (effect: () => void): void => {
    this.effects.push(effect);
  };

  /** Runs every effect; one that throws is handed to `onError` and the others still run. */
  runAll(onError: (error: unknown) => void): void {
    for (const effect of this.effects) {
      try {
        effect();
      } catch (error) {
        onError(error);
      }
    }
  }
}
