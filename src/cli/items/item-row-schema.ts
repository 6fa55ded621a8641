import { z } from 'zod';
import { ItemDraft } from '../../domain/item';

/** CSV cells are text and JSON values may be either: both spell empty optional fields as "" or null. */
const blankToNull = (value: unknown): unknown => (value === '' || value === undefined ? null : value);

const flag = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? ({ true: true, '1': true, yes: true, false: false, '0': false, no: false }[value.trim().toLowerCase()] ?? value)
      : value,
  z.boolean({ error: 'must be true or false' }),
);
const wholeNumber = z.preprocess(
  (value) => (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value),
  z.number({ error: 'must be a whole number' }).int('must be a whole number'),
);
const optionalWholeNumber = z.preprocess(blankToNull, wholeNumber.nullable());

/** One row of an items file (`forte-cli items import`), with the file's snake_case column names. */
export const itemRowSchema = z
  .strictObject({
    sku: z.string({ error: 'is required' }),
    name: z.string({ error: 'is required' }),
    description: z.preprocess((value) => value ?? '', z.string()),
    image_url: z.preprocess(blankToNull, z.url({ error: 'must be a URL' }).nullable()),
    price: wholeNumber,
    sellable: flag,
    withdrawable: flag,
    expires_after_days: optionalWholeNumber,
    max_per_user: optionalWholeNumber,
  })
  .transform((row): ItemDraft => ({
    sku: row.sku,
    name: row.name,
    description: row.description,
    imageUrl: row.image_url,
    price: row.price,
    sellable: row.sellable,
    withdrawable: row.withdrawable,
    expiresAfterDays: row.expires_after_days,
    maxPerUser: row.max_per_user,
  }));
