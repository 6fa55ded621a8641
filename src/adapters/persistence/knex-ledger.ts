import { Knex } from 'knex';
import { Ledger, StaleBalanceError } from '../../application/ports/ledger';
import { Receipt, ReceiptDraft } from '../../domain/receipt';
import { insertRecord } from './record-columns';

export class KnexLedger implements Ledger {
  constructor(private readonly db: Knex) {}

  async post(receipt: ReceiptDraft): Promise<Receipt> {
    const moved = await this.db('users')
      .where({ id: receipt.userId, points: receipt.balanceBefore })
      .update({ points: receipt.balanceAfter, updated_at: receipt.createdAt });
    if (moved !== 1) throw new StaleBalanceError(receipt.userId);
    const posted = await insertRecord(this.db('receipts'), receipt);
    // The balance mirror's outbox row: Xsolla's copy of the wallet must follow this change.
    if (receipt.delta !== 0)
      await this.db('xsolla_outbox').insert({ user_id: receipt.userId, created_at: receipt.createdAt });
    return posted;
  }
}
