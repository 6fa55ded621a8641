import {
  MirrorBacklog,
  WalletClaim,
  WalletMirrorRepository,
} from '../../../src/application/ports/wallet-mirror-repository';
import { InMemoryState, StoredWallet } from './in-memory-state';

const isFree = (wallet: StoredWallet | undefined, now: Date): boolean =>
  wallet === undefined ||
  ((wallet.leaseUntil === null || wallet.leaseUntil <= now) &&
    (wallet.nextAttemptAt === null || wallet.nextAttemptAt <= now));

export class InMemoryWalletMirrorRepository implements WalletMirrorRepository {
  constructor(private readonly state: InMemoryState) {}

  dueUsers(now: Date, limit: number): Promise<number[]> {
    const users = [...new Set(this.state.outbox.map((change) => change.userId))];
    return Promise.resolve(users.filter((userId) => isFree(this.state.wallets.get(userId), now)).slice(0, limit));
  }

  pendingChanges(userId: number): Promise<number[]> {
    return Promise.resolve(this.state.outbox.filter((change) => change.userId === userId).map((change) => change.id));
  }

  claim(userId: number, owner: string, now: Date, leaseUntil: Date): Promise<WalletClaim | null> {
    const wallet = this.state.wallets.get(userId) ?? {
      userId,
      mirroredBalance: null,
      version: 0,
      leaseOwner: null,
      leaseUntil: null,
      attempts: 0,
      nextAttemptAt: null,
      lastError: null,
      syncedAt: null,
    };
    if (!isFree(wallet, now)) return Promise.resolve(null);
    const taken = { ...wallet, version: wallet.version + 1, leaseOwner: owner, leaseUntil };
    this.state.wallets.set(userId, taken);
    const { version, attempts } = taken;
    return Promise.resolve({ userId, version, attempts });
  }

  recordBalance(claim: WalletClaim, balance: number, _now: Date, leaseUntil: Date): Promise<WalletClaim | null> {
    const kept = this.change(claim, { mirroredBalance: balance, leaseUntil });
    return Promise.resolve(kept ? { ...claim, version: claim.version + 1 } : null);
  }

  settle(claim: WalletClaim, changeIds: number[], at: Date): Promise<boolean> {
    const released = { leaseOwner: null, leaseUntil: null, attempts: 0, nextAttemptAt: null, lastError: null };
    if (!this.change(claim, { ...released, syncedAt: at })) return Promise.resolve(false);
    this.state.outbox = this.state.outbox.filter((change) => !changeIds.includes(change.id));
    return Promise.resolve(true);
  }

  backOff(claim: WalletClaim, error: string, _now: Date, nextAttemptAt: Date): Promise<void> {
    const lastError = error.slice(0, 255);
    this.change(claim, { leaseOwner: null, leaseUntil: null, attempts: claim.attempts + 1, nextAttemptAt, lastError });
    return Promise.resolve();
  }

  backlog(now: Date, failingLimit: number): Promise<MirrorBacklog> {
    const { outbox, wallets } = this.state;
    const all = [...wallets.values()];
    return Promise.resolve({
      changes: outbox.length,
      users: new Set(outbox.map((change) => change.userId)).size,
      oldestChangeAt: outbox.length === 0 ? null : new Date(Math.min(...outbox.map((c) => c.createdAt.getTime()))),
      leased: all.filter((wallet) => wallet.leaseUntil !== null && wallet.leaseUntil > now).length,
      failing: all
        .filter((wallet) => wallet.attempts > 0)
        .sort((a, b) => b.attempts - a.attempts || a.userId - b.userId)
        .slice(0, failingLimit)
        .map(({ userId, attempts, lastError, nextAttemptAt }) => ({
          userId,
          attempts,
          lastError: lastError ?? '',
          nextAttemptAt,
        })),
    });
  }

  /** Applies the change while the claim still holds the wallet (its version unchanged), bumping the version. */
  private change(claim: WalletClaim, fields: Partial<StoredWallet>): boolean {
    const wallet = this.state.wallets.get(claim.userId);
    if (wallet?.version !== claim.version) return false;
    this.state.wallets.set(claim.userId, { ...wallet, ...fields, version: wallet.version + 1 });
    return true;
  }

  requeue(userId: number, at: Date): Promise<void> {
    const wallet = this.state.wallets.get(userId);
    this.state.wallets.set(userId, {
      userId,
      leaseOwner: null,
      leaseUntil: null,
      lastError: null,
      syncedAt: null,
      mirroredBalance: null,
      ...wallet,
      version: (wallet?.version ?? 0) + 1,
      attempts: 0,
      nextAttemptAt: null,
    });
    this.state.lastIds.outbox += 1;
    this.state.outbox.push({ id: this.state.lastIds.outbox, userId, createdAt: at });
    return Promise.resolve();
  }
}
