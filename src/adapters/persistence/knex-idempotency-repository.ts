import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { z } from 'zod';
import { Claim, IdempotencyRepository, IdempotentRequest } from '../../application/ports/idempotency-repository';
import { timestampColumn } from './column-values';
import { isLockWaitTimeout, isUniqueViolation } from './database-errors';
import { firstOrNull } from './first-or-null';
import { decodeResult, encodeResult } from './result-codec';
import { rowParser } from './row-parser';

const toStoredClaim = rowParser(
  z.object({ fingerprint: z.string(), result: z.string().nullable(), createdAt: timestampColumn }),
);

const toExistingClaim = (row: unknown): Claim => {
  const stored = toStoredClaim(row);
  return {
    kind: 'existing',
    fingerprint: stored.fingerprint,
    // No result yet: the claiming work has not stored its answer.
    result: stored.result === null ? null : decodeResult(stored.result),
    createdAt: stored.createdAt,
  };
};

/** The unique index is over a hash of the key, which may be 255 utf8mb4 characters (too long to index). */
const keyHash = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export class KnexIdempotencyRepository implements IdempotencyRepository {
  constructor(private readonly db: Knex.Transaction) {}

  /**
   * Inserts first and reads only on a duplicate. On MySQL an insert racing a claim that is not yet committed
   * waits for it: it then fails as a duplicate (committed) or succeeds (rolled back), or, after the lock wait
   * timeout, answers busy.
   */
  async claim(request: IdempotentRequest, at: Date): Promise<Claim> {
    try {
      return (await this.insert(request, at)) ? { kind: 'claimed' } : await this.readClaimed(request);
    } catch (error) {
      if (isLockWaitTimeout(error)) return { kind: 'busy' };
      throw error;
    }
  }

  async reclaim(request: IdempotentRequest, at: Date): Promise<void> {
    await this.updateRow(request, { fingerprint: request.fingerprint, result: null, created_at: at });
  }

  async complete(request: IdempotentRequest, result: unknown): Promise<void> {
    await this.updateRow(request, { result: encodeResult(result) });
  }

  /** False when the key is already claimed. */
  private async insert(request: IdempotentRequest, at: Date): Promise<boolean> {
    try {
      await this.db('idempotency_keys').insert({
        scope: request.scope,
        key: request.key,
        key_hash: keyHash(request.key),
        fingerprint: request.fingerprint,
        result: null,
        created_at: at,
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  private async readClaimed(request: IdempotentRequest): Promise<Claim> {
    // A locking read: a MySQL snapshot read could predate the commit of the row we collided with.
    const existing = await firstOrNull(this.rowOf(request).forUpdate(), toExistingClaim);
    if (existing === null) throw new Error(`Idempotency key ${request.scope}/${request.key} collided but is gone`);
    return existing;
  }

  private rowOf(request: IdempotentRequest): Knex.QueryBuilder {
    return this.db('idempotency_keys').where({ scope: request.scope, key_hash: keyHash(request.key) });
  }

  private async updateRow(request: IdempotentRequest, changes: Record<string, unknown>): Promise<void> {
    const changed = await this.rowOf(request).update(changes);
    if (changed !== 1) throw new Error(`Idempotency key ${request.scope}/${request.key} was never claimed`);
  }
}
