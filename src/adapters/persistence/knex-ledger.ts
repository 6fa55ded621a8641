import { Knex } from 'knex';
import { Ledger, StaleBalanceError } from '../../application/ports/ledger';
import { Receipt, ReceiptDraft } from '../../domain/receipt';
import { insertRecord } from './record-columns';

export class KnexLedger implements Ledger {
  constructor(private readonly db: Knex) {}

  /**
   * The balance's guarded update, the receipt and the outbox row are issued together (one round trip on MySQL).
   * When the guard finds the balance changed, the receipt was written all the same: StaleBalanceError then rolls the
   * transaction back, which takes it back too.
   */
  async post(receipt: ReceiptDraft): Promise<Receipt> {
    const [moved, posted] = await Promise.all([
      this.db('users')
        .where({ id: receipt.userId, points: receipt.balanceBefore })
        .update({ points: receipt.balanceAfter, updated_at: receipt.createdAt }),
      insertRecord(this.db('receipts'), receipt),
      // The balance mirror's outbox row: Xsolla's copy of the wallet must follow this change.
      receipt.delta === 0
        ? null
        : this.db('xsolla_outbox').insert({ user_id: receipt.userId, created_at: receipt.createdAt }),
    ]);
    if (moved !== 1) throw new StaleBalanceError(receipt.userId);
    return posted;
  }
}
