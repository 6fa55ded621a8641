import { Knex } from 'knex';
import { XsollaDelivery, XsollaInbox, XsollaOutcome } from '../../application/ports/xsolla-inbox';
import { insertedId } from './inserted-id';

export class KnexXsollaInbox implements XsollaInbox {
  constructor(private readonly db: Knex) {}

  async record(delivery: XsollaDelivery): Promise<number> {
    const result: unknown = await this.db('xsolla_notifications').insert({
      notification_type: delivery.type,
      external_id: delivery.externalId,
      user_ref: delivery.userRef,
      body: Buffer.from(delivery.body.buffer, delivery.body.byteOffset, delivery.body.byteLength),
      outcome: null,
      received_at: delivery.receivedAt,
      handled_at: null,
    });
    return insertedId(result);
  }

  async settle(id: number, outcome: XsollaOutcome, at: Date): Promise<void> {
    const changed = await this.db('xsolla_notifications').where({ id }).update({ outcome, handled_at: at });
    if (changed !== 1) throw new Error(`Cannot settle Xsolla notification ${id}: no such row`);
  }
}
