import { Item } from '../../domain/item';
import { fileFieldName } from './file-field-name';

/**
 * An item as `items list` prints it: every field under its items-file name (so the list can be imported again),
 * times as ISO 8601.
 */
export const itemRecord = (item: Item): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(item).map(([field, value]) => [
      fileFieldName(field),
      value instanceof Date ? value.toISOString() : value,
    ]),
  );
