/** Makes client tokens and the one-way hashes stored in their place. */
export interface TokenIssuer {
  issue(): { token: string; hash: string };
  hash(token: string): string;
}
