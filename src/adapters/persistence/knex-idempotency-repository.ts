import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { z } from 'zod';
import { Claim, IdempotencyRepository, IdempotentRequest } from '../../application/ports/idempotency-repository';
import { timestampColumn } from './column-values';
import { isLockWaitTimeout } from './database-errors';
import { firstOrNull } from './first-or-null';
import { GeneratedIdTakenError } from './generated-id-taken-error';
import { insertOrLock } from './insert-or-lock';
import { decodeResult, encodeResult } from './result-codec';
import { rowParser } from './row-parser';

const toStoredClaim = rowParser(
  z.object({ fingerprint: z.string(), result: z.string().nullable(), createdAt: timestampColumn }),
);

type StoredClaim = ReturnType<typeof toStoredClaim>;

const existing = (stored: StoredClaim & { result: string }): Claim => ({
  kind: 'existing',
  fingerprint: stored.fingerprint,
  result: decodeResult(stored.result),
  createdAt: stored.createdAt,
});

const isFinished = (stored: StoredClaim | null): stored is StoredClaim & { result: string } =>
  stored !== null && stored.result !== null;

/** The unique index is over a hash of the key, which may be 255 utf8mb4 characters (too long to index). */
const keyHash = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export class KnexIdempotencyRepository implements IdempotencyRepository {
  constructor(private readonly db: Knex) {}

  /**
   * A finished, unexpired record is answered from a plain read, so replays take no lock at all. Otherwise the
   * key is inserted or its record locked (`insertOrLock`). Holding the lock, a record without a result is this
   * transaction's own insert, since a committed claim always holds its result; no record at all, an insert that met
   * another key's record under its generated id.
   */
  async claim(request: IdempotentRequest, at: Date, expiredBefore: Date): Promise<Claim> {
    const seen = await firstOrNull(this.rowOf(request), toStoredClaim);
    if (isFinished(seen) && seen.createdAt > expiredBefore) return existing(seen);
    try {
      await insertOrLock(
        this.db,
        'idempotency_keys',
        { scope: request.scope, key_hash: keyHash(request.key) },
        { key: request.key, fingerprint: request.fingerprint, result: null, created_at: at },
      );
      const held = await firstOrNull(this.rowOf(request).forUpdate(), toStoredClaim);
      if (held === null) throw new GeneratedIdTakenError('idempotency_keys');
      if (!isFinished(held)) return { kind: 'claimed' };
      if (held.createdAt > expiredBefore) return existing(held);
      await this.updateRow(request, { fingerprint: request.fingerprint, result: null, created_at: at });
      return { kind: 'claimed' };
    } catch (error) {
      if (isLockWaitTimeout(error)) return { kind: 'busy' };
      throw error;
    }
  }

  async complete(request: IdempotentRequest, result: unknown): Promise<void> {
    await this.updateRow(request, { result: encodeResult(result) });
  }

  private rowOf(request: IdempotentRequest): Knex.QueryBuilder {
    return this.db('idempotency_keys').where({ scope: request.scope, key_hash: keyHash(request.key) });
  }

  private async updateRow(request: IdempotentRequest, changes: Record<string, unknown>): Promise<void> {
    const changed = await this.rowOf(request).update(changes);
    if (changed !== 1) throw new Error(`Idempotency key ${request.scope}/${request.key} was never claimed`);
  }
}
