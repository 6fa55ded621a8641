import { Knex } from 'knex';
import { z } from 'zod';
import { CheckoutLinkRepository } from '../../application/ports/checkout-link-repository';
import { CheckoutLink } from '../../domain/checkout-link';
import { integerColumn, timestampColumn } from './column-values';
import { firstOrNull } from './first-or-null';
import { asColumns } from './record-columns';
import { rowParser } from './row-parser';

const toLink: (row: unknown) => CheckoutLink = rowParser(
  z.object({
    code: z.string(),
    userId: integerColumn,
    url: z.string(),
    expiresAt: timestampColumn,
    createdAt: timestampColumn,
  }),
);

export class KnexCheckoutLinkRepository implements CheckoutLinkRepository {
  constructor(private readonly db: Knex) {}

  async insert(link: CheckoutLink): Promise<void> {
    await this.db('checkout_links').insert(asColumns(link));
  }

  findByCode(code: string): Promise<CheckoutLink | null> {
    return firstOrNull(this.db('checkout_links').where({ code }), toLink);
  }
}
