/**
 * What Xsolla's copy of a user's wallet should hold: Forte's balance (the source of truth), but never below zero: a
 * debt stays in Forte's ledger.
 */
export const mirrorTarget = (balance: number): number => Math.max(0, balance);

/**
 * The wait before a wallet's next attempt after `attempts` failures in a row: doubling from `baseMs` up to `capMs`,
 * spread by half either way (`random` in [0, 1)), so that many wallets failing at once do not retry in step.
 */
export function retryDelayMs(attempts: number, baseMs: number, capMs: number, random: number): number {
  const doubled = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
  return Math.round(doubled * (0.5 + random));
}
