/** The codes of short links: short enough to paste, random enough that nobody guesses another's. */
export interface LinkCodes {
  next(): string;
}
