import { XsollaCallFailure, XsollaWallet } from '../../src/application/ports/xsolla-merchant';
import { fail, ok, Result } from '../../src/domain/result';

/**
 * Xsolla's copy of the wallets for use-case tests: it keeps balances, records recharges, fails when told, and runs
 * `beforeRecharge` ahead of the next recharge (Xsolla changing a wallet between a read and a recharge).
 */
export class RecordingWallet implements XsollaWallet {
  readonly balances = new Map<string, number>();
  readonly recharges: { userId: string; amount: number }[] = [];
  failure: XsollaCallFailure | null = null;
  beforeRecharge: (() => void) | null = null;

  balanceOf(userId: string): Promise<Result<{ balance: number }, XsollaCallFailure>> {
    if (this.failure) return Promise.resolve(fail(this.failure));
    return Promise.resolve(ok({ balance: this.balances.get(userId) ?? 0 }));
  }

  recharge(userId: string, amount: number): Promise<Result<{ balance: number }, XsollaCallFailure>> {
    if (this.failure) return Promise.resolve(fail(this.failure));
    this.beforeRecharge?.();
    this.beforeRecharge = null;
    this.recharges.push({ userId, amount });
    const balance = (this.balances.get(userId) ?? 0) + amount;
    this.balances.set(userId, balance);
    return Promise.resolve(ok({ balance }));
  }
}
