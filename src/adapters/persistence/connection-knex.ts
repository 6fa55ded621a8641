import { Knex } from 'knex';
import Runner from 'knex/lib/execution/runner';
import makeKnex from 'knex/lib/knex-builder/make-knex';
import type { Connection } from 'mysql2';
import { DirectMysqlClient, goesAsText } from './direct-mysql-client';
import { StatementPipeline } from './statement-pipeline';

/** A statement sent through a transaction's knex after that transaction committed or rolled back. */
export class TransactionCompletedError extends Error {
  constructor() {
    super('A statement came after its transaction had completed; it was not sent');
    this.name = 'TransactionCompletedError';
  }
}

/** A transaction's statements on their way (`StatementPipeline`), and whether it has committed or rolled back. */
export interface TransactionState {
  readonly pipeline: StatementPipeline;
  /** From then on its knex sends nothing. */
  completed: boolean;
}

/** The client of one transaction on a connection: the connection's client, with the transaction's state. */
type TransactionClient = DirectMysqlClient & { transactionState?: TransactionState };

/** A pooled connection's own client and knex, made once: a knex instance costs some 20 KiB and 20–70 µs to make. */
const connectionKnexes = new WeakMap<Connection, Knex>();

/**
 * The knex of one transaction on `connection`: its statements run on that connection while the transaction is open
 * and are refused once it has completed, even if the next transaction on the same connection is open then (a late
 * statement must never land in another request's transaction). It is a view of the connection's own knex whose
 * client carries this transaction's state, so each transaction makes two small objects rather than a knex.
 */
export function transactionKnex(root: DirectMysqlClient, connection: Connection, state: TransactionState): Knex {
  const connectionKnex = connectionKnexOf(root, connection);
  const client = Object.create(connectionKnex.client) as TransactionClient;
  client.transactionState = state;
  // knex's functions read the client from their context (`this.context.client`); the view has a context of its own.
  const context = Object.create((connectionKnex as Knex & { context: object }).context) as { client: unknown };
  context.client = client;
  const builder = context as unknown as Knex;
  return new Proxy(connectionKnex, {
    // knex's second argument, a table's options, is PostgreSQL's alone (`only`).
    apply: (_knex, _this, [table]: unknown[]) =>
      table === undefined ? builder.queryBuilder() : builder.queryBuilder().table(table as string),
    get: (knex, property, view) => {
      if (property === 'context') return context;
      if (property === 'client') return client;
      return Reflect.get(knex, property, view) as unknown;
    },
  });
}

/**
 * Asks the transaction of `trx` (a knex from `transactionKnex`) to send its COMMIT with its next round trip
 * (`StatementPipeline.commitWithNextRoundTrip`, whose outcome the transaction's end awaits); any other knex's
 * transaction commits as it does.
 */
export function commitWithNextRoundTrip(trx: Knex): void {
  void (trx.client as TransactionClient).transactionState?.pipeline.commitWithNextRoundTrip().catch(() => undefined);
}

function connectionKnexOf(root: DirectMysqlClient, connection: Connection): Knex {
  let knex = connectionKnexes.get(connection);
  if (knex === undefined) {
    knex = makeKnex(connectionClient(root, connection));
    connectionKnexes.set(connection, knex);
  }
  return knex;
}

/**
 * A client whose statements run on `connection`, each checked as it goes to the driver: sent only for an open
 * transaction's view, through its pipeline. Its `query` events reach the pool's knex, as those of knex's own
 * transactions do.
 */
function connectionClient(root: DirectMysqlClient, connection: Connection): DirectMysqlClient {
  const client = Object.create(DirectMysqlClient.prototype) as DirectMysqlClient;
  const toDriver = client._query;
  Object.assign(client, {
    version: root.version,
    config: root.config,
    driver: root.driver,
    connectionSettings: root.connectionSettings,
    valueForUndefined: root.valueForUndefined,
    logger: root.logger,
    acquireConnection: () => connection,
    releaseConnection: () => undefined,
    _query(this: TransactionClient, on: Connection, query: Runner.Compiled) {
      const state = this.transactionState;
      if (state?.completed !== false || state.pipeline.closed) return Promise.reject(new TransactionCompletedError());
      if (goesAsText(query)) return state.pipeline.send(query);
      // A statement with driver options goes the dialect's way, after what was issued before it.
      state.pipeline.flush(true);
      return toDriver.call(this, on, query);
    },
    transaction: () => {
      throw new Error('A transaction cannot be opened inside another one');
    },
  });
  client.on('query', (query: unknown) => root.emit('query', query));
  return client;
}
