import { ConnectionBreaker } from './connection-breaker';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import knexFactory, { Knex } from 'knex';
import { parseDatabaseUrl } from './database-url';
import { ConnectionOptions, knexConfig, sqliteReadsConfig } from './knex-connection';
import { PoolUsage, poolUsage } from './pool-usage';

/** An open connection pool to Forte's database, MySQL/MariaDB or an embedded SQLite file. */
export interface Database {
  /** Transactions and migrations. */
  readonly knex: Knex;
  /** Reads outside transactions: the same pool on MySQL, a connection of their own on SQLite. */
  readonly reads: Knex;
  readonly dialect: 'mysql' | 'sqlite';
  /** Whether the database counts as away: shared by the units of work on it and the readiness check. */
  readonly breaker: ConnectionBreaker;
  /** Connections in use, idle and waited for, over every pool of this database. */
  poolUsage(): PoolUsage;
  /** Waits for the pool to close; the process can then exit. */
  close(): Promise<void>;
}

/** Opens `DATABASE_URL` (`mysql://user:pass@host:port/db` or `sqlite:PATH`); SQLite's folder is created. */
export function openDatabase(url: string, options: ConnectionOptions = {}): Database {
  const location = parseDatabaseUrl(url);
  if (location.kind === 'sqlite') mkdirSync(dirname(location.filename), { recursive: true });
  const knex = knexFactory(knexConfig(location, options));
  if (location.kind === 'mysql') {
    return {
      knex,
      reads: knex,
      dialect: location.kind,
      breaker: new ConnectionBreaker(knex),
      poolUsage: () => poolUsage([knex]),
      close: () => knex.destroy(),
    };
  }
  const reads = knexFactory(sqliteReadsConfig(location.filename));
  return {
    knex,
    reads,
    dialect: location.kind,
    breaker: new ConnectionBreaker(knex),
    poolUsage: () => poolUsage([knex, reads]),
    close: async () => {
      await Promise.all([knex.destroy(), reads.destroy()]);
    },
  };
}
