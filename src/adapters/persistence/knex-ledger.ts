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
    return insertRecord(this.db('receipts'), receipt);
  }
}
