import { Knex } from 'knex';
import { isUnreachable } from './database-errors';

/** While the database is away, one unit of work in this many milliseconds tries it; the others fail at once. */
export const PROBE_INTERVAL_MS = 500;

interface PoolEvents {
  on(event: 'createFail', listener: (eventId: number, error: unknown) => void): void;
  on(event: 'createSuccess', listener: () => void): void;
}

/**
 * Fails fast through an outage. Once opening a connection failed as unreachable (refused, reset, timed out), or
 * a connection was lost, and none opened since, the database counts as away: work is refused at once, except one try per
 * `PROBE_INTERVAL_MS`, which goes to the pool and, when it gets through (a connection opens again, or a pooled
 * one answers), ends the outage. Without it every
 * request of an outage would queue for the pool's whole acquire timeout.
 */
export class ConnectionBreaker {
  private awaySince: number | null = null;
  private lastProbe = 0;
  private lastError: unknown = null;

  constructor(
    knex: Knex,
    private readonly now: () => number = Date.now,
  ) {
    const pool = (knex.client as { pool?: PoolEvents }).pool;
    pool?.on('createFail', (_eventId, error) => this.failed(error));
    pool?.on('createSuccess', () => this.succeeded());
  }

  /** Notes an error of the database's: one of an unreachable database (a refused or dropped connection) opens. */
  failed(error: unknown): void {
    if (!isUnreachable(error)) return;
    this.awaySince ??= this.now();
    this.lastError = error;
  }

  /** The database answered (a connection opened, or work went through on a pooled one): it is back. */
  succeeded(): void {
    this.awaySince = null;
  }

  /** Null when the work may go to the database; the error of the last failed connection while it is away. */
  refusal(): unknown {
    if (this.awaySince === null) return null;
    const at = this.now();
    if (at - this.lastProbe >= PROBE_INTERVAL_MS) {
      this.lastProbe = at;
      return null;
    }
    return this.lastError;
  }
}
