import { mirrorTarget, retryDelayMs } from '../domain/wallet-mirror';
import { Clock } from './ports/clock';
import { RandomSource } from './ports/random-source';
import { UnitOfWork } from './ports/unit-of-work';
import { WalletClaim } from './ports/wallet-mirror-repository';
import { XsollaCallFailure, XsollaWallet } from './ports/xsolla-merchant';

export interface MirrorSettings {
  /** This worker's name on the claims it holds (for operators). */
  owner: string;
  /** How long a claim holds a wallet: several times the longest call, so it never lapses during one. */
  leaseMs: number;
  /** Wallets per pass. */
  batch: number;
  retryBaseMs: number;
  retryCapMs: number;
}

/** Recharges of one wallet in one claim: more means someone else keeps changing Xsolla's copy. */
const MAX_RECHARGES = 5;

export type WalletOutcome = 'converged' | 'failed' | 'skipped';

/**
 * The balance mirror: brings Xsolla's copy of each changed wallet to Forte's balance. A worker claims a wallet
 * (lease and version), reads the changes waiting and then the balance, reads Xsolla's copy (which Xsolla itself
 * changes when a user pays or is refunded), recharges the difference, and again by the difference to each answered
 * balance until they match (a recharge is not idempotent; a lost answer is corrected by the next one). Then it
 * removes the changes it covered. A failure
 * releases the wallet to a backoff; the changes stay queued. Safe in several processes and on a cluster: a
 * wallet has one holder at a time, and a claim that was lost stops its holder before its next call.
 */
export class MirrorXsollaWallets {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly wallet: XsollaWallet,
    private readonly clock: Clock,
    private readonly random: RandomSource,
    private readonly settings: MirrorSettings,
  ) {}

  /** One pass over the wallets that are due, one after another. */
  async runOnce(): Promise<Record<WalletOutcome, number>> {
    const due = await this.uow.read((reads) => reads.walletMirror.dueUsers(this.clock.now(), this.settings.batch));
    const outcomes: Record<WalletOutcome, number> = { converged: 0, failed: 0, skipped: 0 };
    for (const userId of due) outcomes[await this.sync(userId)] += 1;
    return outcomes;
  }

  private async sync(userId: number): Promise<WalletOutcome> {
    let claim = await this.uow.run((tx) =>
      tx.walletMirror.claim(userId, this.settings.owner, this.clock.now(), this.leaseFromNow()),
    );
    if (!claim) return 'skipped';
    // Changes first, then the balance: a change committed in between is in the balance, and stays queued.
    const changes = await this.uow.read((reads) => reads.walletMirror.pendingChanges(userId));
    const user = await this.uow.read((reads) => reads.users.findById(userId));
    const target = mirrorTarget(user?.points ?? 0);
    const read = await this.wallet.balanceOf(String(userId));
    if (!read.ok) return this.fail(claim, describe(read.failure));
    let balance = read.value.balance;
    for (let recharges = 0; balance !== target; recharges += 1) {
      if (recharges === MAX_RECHARGES) {
        return this.fail(
          claim,
          `Xsolla's balance ${balance} still differs from ${target} after ${recharges} recharges`,
        );
      }
      const recharged = await this.wallet.recharge(String(userId), target - balance, `Forte balance ${target}`);
      if (!recharged.ok) return this.fail(claim, describe(recharged.failure));
      balance = recharged.value.balance;
      const held: WalletClaim = claim;
      claim = await this.uow.run((tx) =>
        tx.walletMirror.recordBalance(held, balance, this.clock.now(), this.leaseFromNow()),
      );
      if (!claim) return 'skipped';
    }
    const settled: WalletClaim = claim;
    const done = await this.uow.run((tx) => tx.walletMirror.settle(settled, changes, this.clock.now()));
    return done ? 'converged' : 'skipped';
  }

  private async fail(claim: WalletClaim, error: string): Promise<WalletOutcome> {
    const now = this.clock.now();
    const { retryBaseMs, retryCapMs } = this.settings;
    const delay = retryDelayMs(claim.attempts + 1, retryBaseMs, retryCapMs, this.random.next());
    await this.uow.run((tx) => tx.walletMirror.backOff(claim, error, now, new Date(now.getTime() + delay)));
    return 'failed';
  }

  private leaseFromNow(): Date {
    return new Date(this.clock.now().getTime() + this.settings.leaseMs);
  }
}

function describe(failure: XsollaCallFailure): string {
  switch (failure.type) {
    case 'XsollaUnavailable':
      return `Xsolla unavailable: ${failure.reason}`;
    case 'XsollaRejected':
      return `Xsolla refused: ${failure.reason}`;
    case 'XsollaNotConfigured':
      return 'Xsolla merchant credentials are not set';
  }
}
