/** How one input went: its lines, and why it stopped early if it did. */
export interface InputOutcome {
  name: string;
  lines: number;
  /** Set when the input could not be opened or broke off (e.g. a truncated .gz); its lines so far still count. */
  error?: string;
}
