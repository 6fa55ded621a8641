import type { Connection, Query } from 'mysql2';
import Runner from 'knex/lib/execution/runner';
import { sendAsText } from './direct-mysql-client';

/** A statement the pipeline did not send: an earlier statement of the same round trip failed, and MySQL stops there. */
export class StatementNotSentError extends Error {
  constructor(cause: unknown) {
    super('Not sent: an earlier statement of its round trip failed', { cause });
    this.name = 'StatementNotSentError';
  }
}

type Answered = Runner.Compiled & { response: unknown };

interface Queued {
  query: Runner.Compiled;
  resolve(answered: Answered): void;
  reject(error: unknown): void;
}

/** What mysql2's query command keeps of a round trip that failed: the result sets before the failing statement. */
interface FailedCommand {
  _resultIndex: number;
  _rows: unknown[];
  _fields: unknown[];
}

/**
 * The statements of one transaction on its connection, sent in as few round trips as the work allows: those the
 * work issues together (`Promise.all`) go in one multi-statement round trip, in the order they reach the driver, and
 * the transaction's BEGIN goes in front of the first of them, so a transaction that sends nothing costs nothing; its
 * COMMIT, when the work names its last write, goes behind that write (`commitWithNextRoundTrip`). On a
 * loopback connection the round trip, not the statement, is most of the client's and the server's cost.
 *
 * A round trip is made once the statements issued in the same turn are all queued (`process.nextTick` runs after
 * the promise jobs that queue them). They reach the driver in the order they were issued when they are issued alike
 * (each an async function awaiting its builder, say); where the order matters, a test of the round trips pins it
 * (`hot-path-round-trips.test.ts`). MySQL runs a multi-statement round trip up to its first failing statement:
 * the statements before it answer their results, the failing one its error, and those after it
 * `StatementNotSentError`. A failed BEGIN fails every statement it came with, so none of them runs outside the
 * transaction; a lost connection fails them all.
 */
export class StatementPipeline {
  private queued: Queued[] = [];
  private began = false;
  /** The COMMIT asked for by `commitWithNextRoundTrip`, until it goes out. */
  private commit: Queued | null = null;
  private committed: Promise<unknown> | null = null;
  private ended = false;

  /** `onCommit` runs as a COMMIT this pipeline sends goes out. */
  constructor(
    private readonly connection: Connection,
    private readonly onCommit: () => void = () => undefined,
    /**
     * Each statement in a round trip of its own, sent once the one before succeeded (BEGIN still goes with the first):
     * on a Galera node, a transaction aborted by a replicated one between two statements of one round trip is rolled
     * back and the round trip goes on, its later statements run outside any transaction (measured in the cluster
     * suite: the rest of a payment ran after its receipt was rolled back). Alone in its round trip, the next
     * statement is answered the abort instead.
     */
    private readonly oneByOne = false,
  ) {}

  /** Whether BEGIN has gone out: only then does the transaction need a COMMIT or a ROLLBACK. */
  get begun(): boolean {
    return this.began;
  }

  /** Whether a COMMIT went out: nothing may be sent after it. */
  get closed(): boolean {
    return this.ended;
  }

  /**
   * COMMIT, sent in the next round trip behind the statements queued by then (the work's last one, issued just
   * before); answers with its answer. A failure before it in that round trip fails it with `StatementNotSentError`,
   * and the transaction is still open then; a lost connection leaves it unknown.
   */
  commitWithNextRoundTrip(): Promise<unknown> {
    this.committed ??= new Promise((resolve, reject) => {
      this.commit = { query: { sql: 'COMMIT', bindings: [] }, resolve: resolve as Queued['resolve'], reject };
      process.nextTick(() => this.flush());
    });
    return this.committed;
  }

  /** Drops a COMMIT asked for that has not gone out: the transaction rolls back instead. */
  dropCommit(): void {
    this.commit?.reject(new Error('The transaction rolled back before its COMMIT went out'));
    this.commit = null;
  }

  /** The COMMIT asked for by `commitWithNextRoundTrip` (sent by the next flush), or null when none was. */
  get commitAsked(): Promise<unknown> | null {
    return this.committed;
  }

  send(query: Runner.Compiled): Promise<Answered> {
    return new Promise((resolve, reject) => {
      if (this.queued.push({ query, resolve, reject }) === 1) process.nextTick(() => this.flush());
    });
  }

  /**
   * Sends what is queued now, BEGIN in front of it if it has not gone out yet; with `begin`, BEGIN even when nothing
   * is queued (a statement that does not go through the pipeline follows).
   */
  flush(begin = false): void {
    const { commit } = this;
    if (commit !== null && !this.began && this.queued.length === 0) {
      // Nothing was ever sent: nothing to commit.
      this.commit = null;
      this.ended = true;
      return commit.resolve(Object.assign(commit.query, { response: [] }));
    }
    const batch = commit === null ? this.queued : [...this.queued, commit];
    if (batch.length === 0 && (this.began || !begin)) return;
    this.queued = [];
    if (commit !== null) {
      this.commit = null;
      this.ended = true;
      this.onCommit();
    }
    // BEGIN, in the round trip's statements, is null: nobody waits for its answer.
    const sent: Part[] = this.began ? batch : [null, ...batch];
    this.began = true;
    if (!this.oneByOne) return void this.sendTogether(sent);
    // BEGIN goes with the first statement: until that statement runs, the transaction holds nothing to be aborted for.
    const [first, ...rest] =
      sent[0] === null ? [sent.slice(0, 2), ...sent.slice(2).map((part) => [part])] : sent.map((part) => [part]);
    void this.sendInTurn(first ?? [], rest);
  }

  /** Sends `turns` one round trip after the other, each once the one before succeeded; none after one that failed. */
  private async sendInTurn(first: Part[], rest: Part[][]): Promise<void> {
    const failure = await this.sendTogether(first);
    const [next, ...after] = rest;
    if (failure === null && next) return this.sendInTurn(next, after);
    for (const part of rest.flat()) part?.reject(new StatementNotSentError(failure));
  }

  /** Sends `sent` in one round trip; answers its failure, or null once all of its statements answered. */
  private sendTogether(sent: Part[]): Promise<unknown> {
    return new Promise((settled) => {
      const [only] = sent;
      if (sent.length === 1 && only) {
        return void sendAsText(this.connection, only.query).then(
          (answer) => {
            only.resolve(answer);
            settled(null);
          },
          (error: unknown) => {
            only.reject(error);
            settled(error);
          },
        );
      }
      const sql = sent.map((part) =>
        part ? this.connection.format(part.query.sql, part.query.bindings as unknown[]) : 'BEGIN',
      );
      // A connection mysql2 knows to be closed answers at once, before `query` returns: no command then.
      const pending: { command?: FailedCommand } = {};
      const command: Query = this.connection.query(
        sql.join(';\n'),
        (error: unknown, rows: unknown, fields: unknown) => {
          if (error) {
            failed(sent, error, pending.command);
            return settled(error);
          }
          // mysql2 answers one statement's result alone and several as arrays of results.
          const results = sql.length === 1 ? [rows] : (rows as unknown[]);
          const columns = sql.length === 1 ? [fields] : (fields as unknown[]);
          sent.forEach((part, index) => part?.resolve(answered(part.query, results[index], columns[index])));
          settled(null);
        },
      );
      pending.command = command as unknown as FailedCommand;
    });
  }
}

/** A statement of a round trip, or null for the transaction's BEGIN. */
type Part = Queued | null;

const answered = (query: Runner.Compiled, result: unknown, columns: unknown): Answered =>
  Object.assign(query, { response: [result, columns] });

/**
 * Answers the statements of a round trip that failed: those before the failing statement their results, the failing
 * one its error, those after it `StatementNotSentError`, or the error itself when BEGIN failed; all of them the error
 * when the connection was lost.
 */
function failed(sent: Part[], error: unknown, command: FailedCommand | undefined): void {
  const lost = (error as { fatal?: boolean }).fatal === true || command === undefined;
  const failing = lost ? -1 : command._resultIndex;
  const beginFailed = failing >= 0 && sent[failing] === null;
  sent.forEach((part, index) => {
    if (part === null) return;
    if (lost || index === failing || (beginFailed && index > failing)) part.reject(error);
    else if (index > failing) part.reject(new StatementNotSentError(error));
    else part.resolve(answered(part.query, command._rows[index], command._fields[index]));
  });
}
