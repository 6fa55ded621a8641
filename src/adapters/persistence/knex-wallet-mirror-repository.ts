import { Knex } from 'knex';
import { z } from 'zod';
import { MirrorBacklog, WalletClaim, WalletMirrorRepository } from '../../application/ports/wallet-mirror-repository';
import { integerColumn, timestampColumn } from './column-values';
import { insertOrLock } from './insert-or-lock';
import { rowParser } from './row-parser';

const toClaimed = rowParser(z.object({ version: integerColumn, attempts: integerColumn }));
const toUserId = rowParser(z.object({ userId: integerColumn }));
const toId = rowParser(z.object({ id: integerColumn }));
const toCounts = rowParser(
  z.object({ changes: integerColumn, users: integerColumn, oldest: timestampColumn.nullable() }),
);
const toCount = rowParser(z.object({ count: integerColumn }));
const toFailing = rowParser(
  z.object({
    userId: integerColumn,
    attempts: integerColumn,
    lastError: z
      .string()
      .nullable()
      .transform((error) => error ?? ''),
    nextAttemptAt: timestampColumn.nullable(),
  }),
);

/** Outbox rows removed per statement: well under the bound variables SQLite allows. */
const DELETE_BATCH = 500;

export class KnexWalletMirrorRepository implements WalletMirrorRepository {
  constructor(private readonly db: Knex) {}

  async dueUsers(now: Date, limit: number): Promise<number[]> {
    const rows: unknown[] = await this.db('xsolla_outbox as o')
      .leftJoin('xsolla_wallets as w', 'w.user_id', 'o.user_id')
      .where((free) => free.whereNull('w.lease_until').orWhere('w.lease_until', '<=', now))
      .andWhere((due) => due.whereNull('w.next_attempt_at').orWhere('w.next_attempt_at', '<=', now))
      .groupBy('o.user_id')
      .orderByRaw('MIN(o.id)')
      .limit(limit)
      .select({ user_id: 'o.user_id' });
    return rows.map((row) => toUserId(row).userId);
  }

  async pendingChanges(userId: number): Promise<number[]> {
    const rows: unknown[] = await this.db('xsolla_outbox').where({ user_id: userId }).orderBy('id').select('id');
    return rows.map((row) => toId(row).id);
  }

  /**
   * The wallet's row is inserted when it has none (an existing one is left as it is), then taken by a conditional
   * update: of two workers, the second finds it leased (on one server, after waiting for the first's row lock; on
   * a Galera cluster, its commit fails certification and the unit of work runs it again).
   */
  async claim(userId: number, owner: string, now: Date, leaseUntil: Date): Promise<WalletClaim | null> {
    await insertOrLock(this.db, 'xsolla_wallets', { user_id: userId }, { version: 0, attempts: 0, updated_at: now });
    const taken = await this.db('xsolla_wallets')
      .where({ user_id: userId })
      .andWhere((free) => free.whereNull('lease_until').orWhere('lease_until', '<=', now))
      .andWhere((due) => due.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', now))
      .update({ version: this.db.raw('version + 1'), lease_owner: owner, lease_until: leaseUntil, updated_at: now });
    if (taken !== 1) return null;
    const row: unknown = await this.db('xsolla_wallets').where({ user_id: userId }).first('version', 'attempts');
    return { userId, ...toClaimed(row) };
  }

  async recordBalance(claim: WalletClaim, balance: number, now: Date, leaseUntil: Date): Promise<WalletClaim | null> {
    const kept = await this.held(claim).update({
      mirrored_balance: balance,
      version: claim.version + 1,
      lease_until: leaseUntil,
      updated_at: now,
    });
    return kept === 1 ? { ...claim, version: claim.version + 1 } : null;
  }

  async settle(claim: WalletClaim, changeIds: number[], at: Date): Promise<boolean> {
    const kept = await this.held(claim).update({
      version: claim.version + 1,
      lease_owner: null,
      lease_until: null,
      attempts: 0,
      next_attempt_at: null,
      last_error: null,
      synced_at: at,
      updated_at: at,
    });
    if (kept !== 1) return false;
    for (let start = 0; start < changeIds.length; start += DELETE_BATCH) {
      await this.db('xsolla_outbox')
        .whereIn('id', changeIds.slice(start, start + DELETE_BATCH))
        .delete();
    }
    return true;
  }

  async backOff(claim: WalletClaim, error: string, now: Date, nextAttemptAt: Date): Promise<void> {
    await this.held(claim).update({
      version: claim.version + 1,
      lease_owner: null,
      lease_until: null,
      attempts: claim.attempts + 1,
      next_attempt_at: nextAttemptAt,
      last_error: error.slice(0, 255),
      updated_at: now,
    });
  }

  async backlog(now: Date, failingLimit: number): Promise<MirrorBacklog> {
    const [counts]: unknown[] = await this.db('xsolla_outbox').select({
      changes: this.db.raw('COUNT(*)'),
      users: this.db.raw('COUNT(DISTINCT user_id)'),
      oldest: this.db.raw('MIN(created_at)'),
    });
    const [leased]: unknown[] = await this.db('xsolla_wallets').where('lease_until', '>', now).count({ count: '*' });
    const failing: unknown[] = await this.db('xsolla_wallets')
      .where('attempts', '>', 0)
      .orderBy([{ column: 'attempts', order: 'desc' }, 'user_id'])
      .limit(failingLimit)
      .select('user_id', 'attempts', 'last_error', 'next_attempt_at');
    const { changes, users, oldest } = toCounts(counts);
    return {
      changes,
      users,
      oldestChangeAt: oldest,
      leased: toCount(leased).count,
      failing: failing.map(toFailing),
    };
  }

  async requeue(userId: number, at: Date): Promise<void> {
    await insertOrLock(this.db, 'xsolla_wallets', { user_id: userId }, { version: 0, attempts: 0, updated_at: at });
    await this.db('xsolla_wallets')
      .where({ user_id: userId })
      .update({
        version: this.db.raw('version + 1'),
        attempts: 0,
        next_attempt_at: null,
        updated_at: at,
      });
    await this.db('xsolla_outbox').insert({ user_id: userId, created_at: at });
  }

  /** The wallet's row while the claim holds it (its version unchanged since). */
  private held(claim: WalletClaim): Knex.QueryBuilder {
    return this.db('xsolla_wallets').where({ user_id: claim.userId, version: claim.version });
  }
}
