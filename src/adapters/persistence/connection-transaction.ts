import { Knex } from 'knex';
import type { Connection } from 'mysql2';
import { TransactionState, transactionKnex } from './connection-knex';
import { DirectMysqlClient, sendStatement } from './direct-mysql-client';
import { isGaleraConnection } from './galera-causal-reads';
import { StatementPipeline } from './statement-pipeline';

/**
 * Runs `work` in one transaction on a connection of `knex`'s pool (a `DirectMysqlClient`), with BEGIN, COMMIT and
 * ROLLBACK sent by hand (BEGIN in front of the work's first statements, by its `StatementPipeline`). knex's own
 * transaction object (a queue, a knex instance wired to its events, several promises per statement) cost a purchase
 * about as much CPU as its statements' round trips; this keeps what
 * it guarantees: one connection for the whole work, committed when the work resolves and rolled back when it
 * throws, the connection back in the pool either way, and no statement of the work sent after the transaction has
 * completed (the knex the work got refuses it: a late statement must never land in the next request's transaction
 * on the same connection). A connection whose COMMIT or ROLLBACK failed is in a state nobody knows: the pool
 * discards it instead of lending it out again.
 */
export async function inConnectionTransaction<T>(
  knex: Knex,
  work: (trx: Knex) => Promise<T>,
  /** Runs as the COMMIT goes out: from then on a lost connection leaves the outcome unknown. */
  onCommit: () => void = () => undefined,
): Promise<T> {
  const client = knex.client as DirectMysqlClient;
  const connection = (await client.acquireConnection()) as Connection;
  const pipeline = new StatementPipeline(connection, onCommit, isGaleraConnection(connection));
  const state: TransactionState = { pipeline, completed: false };
  try {
    let result: T;
    try {
      result = await work(transactionKnex(client, connection, state));
    } catch (error) {
      await end(client, connection, state, 'ROLLBACK').catch((rollbackFailure: unknown) =>
        discard(connection, rollbackFailure),
      );
      throw error;
    }
    await end(client, connection, state, 'COMMIT', onCommit).catch((commitFailure: unknown) => {
      discard(connection, commitFailure);
      throw commitFailure;
    });
    return result;
  } finally {
    await client.releaseConnection(connection);
  }
}

/**
 * Completes the transaction: what its work left queued goes out first, then COMMIT or ROLLBACK; neither when its
 * BEGIN never went out (the work sent no statement). A COMMIT the work asked to send with its last statement is
 * awaited instead; a ROLLBACK still goes out after one that never ran (a statement before it in its round trip
 * failed).
 */
async function end(
  client: DirectMysqlClient,
  connection: Connection,
  state: TransactionState,
  how: 'COMMIT' | 'ROLLBACK',
  onCommit: () => void = () => undefined,
): Promise<void> {
  state.completed = true;
  const { pipeline } = state;
  if (how === 'ROLLBACK') pipeline.dropCommit();
  pipeline.flush();
  const asked = pipeline.commitAsked;
  if (how === 'COMMIT' && asked !== null) {
    await asked;
    return;
  }
  if (!pipeline.begun) return;
  if (how === 'COMMIT') onCommit();
  await send(client, connection, how);
}

const send = (client: DirectMysqlClient, connection: Connection, sql: string): Promise<unknown> =>
  sendStatement(client, connection, { sql, bindings: [] });

/** knex's pool checks this mark before lending a connection and destroys a connection that carries it. */
const discard = (connection: Connection, reason: unknown): void => {
  (connection as Connection & { __knex__disposed?: unknown }).__knex__disposed = reason;
};
