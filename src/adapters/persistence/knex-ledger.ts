import { Knex } from 'knex';
import { Ledger, PostedWithReferences, ReceiptReferences, StaleBalanceError } from '../../application/ports/ledger';
import { Receipt, ReceiptDraft } from '../../domain/receipt';
import { isBalanceGuardFailure } from './database-errors';
import { insertedId } from './inserted-id';
import { asColumns } from './record-columns';
import { newXsollaOperationRow, newXsollaTransactionRow } from './xsolla-rows';

/**
 * Starts a statement now: a builder runs once something awaits it, and the statements of one turn reach the
 * connection in the order they were started, the order of a round trip on MySQL.
 */
const started = <T>(statement: PromiseLike<T>): Promise<T> => Promise.resolve(statement);

export class KnexLedger implements Ledger {
  constructor(private readonly db: Knex) {}

  async post(receipt: ReceiptDraft): Promise<Receipt> {
    return (await this.postWith(receipt, {})).receipt;
  }

  /**
   * The balance's guarded update, the receipt, the rows that name it and the outbox row, started in this order (one
   * round trip on MySQL). The guard is in the update itself: a stored balance other than `balanceBefore` sets NULL,
   * which the NOT NULL column refuses (Forte's connections are in strict SQL mode on MySQL; SQLite always refuses), so
   * the round trip stops there, and a COMMIT sent with it does not run. The rows that name the receipt take its id from
   * the database: they are written before it is known here.
   */
  async postWith(draft: ReceiptDraft, references: ReceiptReferences): Promise<PostedWithReferences> {
    const { userItems = [], xsollaPayment } = references;
    const moved = started(
      this.db('users')
        .where({ id: draft.userId })
        .update({
          points: this.db.raw('CASE WHEN points = ? THEN ? END', [draft.balanceBefore, draft.balanceAfter]),
          updated_at: draft.createdAt,
        }),
    );
    const posted = started(this.db('receipts').insert(asColumns(draft)));
    const { receiptId, kept } = this.receiptIdAfterInsert(userItems.length + (xsollaPayment ? 2 : 0));
    const paid = xsollaPayment && [
      started(
        this.db('xsolla_transactions').insert({
          ...newXsollaTransactionRow(xsollaPayment.transaction, draft.createdAt),
          payment_receipt_id: receiptId,
        }),
      ),
      started(this.db('xsolla_operations').insert(newXsollaOperationRow(xsollaPayment.operation, receiptId))),
    ];
    const granted = userItems.map((userItem) =>
      started(this.db('user_items').insert({ ...asColumns(userItem), receipt_id: receiptId })),
    );
    // The balance mirror's outbox row: Xsolla's copy of the wallet must follow this change.
    const queued =
      draft.delta === 0
        ? null
        : started(this.db('xsolla_outbox').insert({ user_id: draft.userId, created_at: draft.createdAt }));
    try {
      const [changed, receiptInsert, userItemInserts] = await Promise.all([
        moved,
        posted,
        Promise.all(granted),
        kept,
        Promise.all(paid ?? []),
        queued,
      ]);
      if (changed !== 1) throw new StaleBalanceError(draft.userId);
      const receipt = { id: insertedId(receiptInsert), ...draft };
      return {
        receipt,
        userItems: userItems.map((userItem, index) => ({
          id: insertedId(userItemInserts[index]),
          ...userItem,
          receiptId: receipt.id,
        })),
      };
    } catch (error) {
      throw isBalanceGuardFailure(error) ? new StaleBalanceError(draft.userId) : error;
    }
  }

  /**
   * The receipt's id as the statements started after its insert name it, started before them: MySQL's LAST_INSERT_ID()
   * is the last insert's, so with several of them it is kept in a session variable first. On SQLite, whose
   * transactions exclude every other writer, the receipt just inserted is the last one.
   */
  private receiptIdAfterInsert(referring: number): { receiptId: Knex.Raw | null; kept: Promise<unknown> | null } {
    if (referring === 0) return { receiptId: null, kept: null };
    if (this.db.client.dialect === 'sqlite3')
      return { receiptId: this.db.raw('(SELECT MAX(id) FROM receipts)'), kept: null };
    if (referring === 1) return { receiptId: this.db.raw('LAST_INSERT_ID()'), kept: null };
    const kept = started(this.db.raw('SET @forte_receipt_id = LAST_INSERT_ID()'));
    return { receiptId: this.db.raw('@forte_receipt_id'), kept };
  }
}
