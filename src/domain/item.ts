import { DAY_MS } from './duration';
import { fitsLength, isWellFormedText } from './text';

/** A product of the store catalogue, sold for points (or granted by a Xsolla purchase of its SKU). */
export interface Item {
  id: number;
  sku: string;
  name: string;
  description: string;
  imageUrl: string | null;
  /** Points, a non-negative integer. */
  price: number;
  sellable: boolean;
  withdrawable: boolean;
  expiresAfterDays: number | null;
  maxPerUser: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What an import row (or an operator) says about an item; the SKU identifies it across imports. */
export type ItemDraft = Omit<Item, 'id' | 'createdAt' | 'updatedAt'>;

/** The characters Xsolla accepts in a SKU, so an item can also be sold there under the same SKU. */
export const SKU_PATTERN = /^[A-Za-z0-9._-]{1,255}$/;
export const ITEM_NAME_MAX_LENGTH = 255;
export const ITEM_DESCRIPTION_MAX_LENGTH = 10_000;
export const IMAGE_URL_MAX_LENGTH = 2048;
/** A hundred years: an expiry date stays a real date, far inside what `Date` and MariaDB's DATETIME hold. */
export const EXPIRES_AFTER_DAYS_MAX = 36_500;
export const MAX_PER_USER_MAX = 1_000_000;

export interface ItemIssue {
  field: keyof ItemDraft;
  message: string;
}

const isWholeNumberIn = (value: number, min: number, max: number): boolean =>
  Number.isSafeInteger(value) && value >= min && value <= max;

const isText = (text: string, maxLength: number): boolean => fitsLength(text, maxLength) && isWellFormedText(text);

/** Every broken rule of a draft, so an import can report each bad field of each row at once. */
export function itemDraftIssues(draft: ItemDraft): ItemIssue[] {
  const issues: ItemIssue[] = [];
  if (!SKU_PATTERN.test(draft.sku)) {
    issues.push({ field: 'sku', message: 'must be 1-255 letters, digits, ".", "-" or "_"' });
  }
  if (draft.name.trim() === '' || !isText(draft.name, ITEM_NAME_MAX_LENGTH)) {
    issues.push({ field: 'name', message: `must be 1-${ITEM_NAME_MAX_LENGTH} characters of well-formed text` });
  }
  if (!isText(draft.description, ITEM_DESCRIPTION_MAX_LENGTH)) {
    issues.push({
      field: 'description',
      message: `must be at most ${ITEM_DESCRIPTION_MAX_LENGTH} characters of well-formed text`,
    });
  }
  if (draft.imageUrl !== null && !isText(draft.imageUrl, IMAGE_URL_MAX_LENGTH)) {
    issues.push({ field: 'imageUrl', message: `must be at most ${IMAGE_URL_MAX_LENGTH} characters` });
  }
  if (!Number.isSafeInteger(draft.price) || draft.price < 0) {
    issues.push({ field: 'price', message: 'must be an integer of at least 0' });
  }
  if (draft.expiresAfterDays !== null && !isWholeNumberIn(draft.expiresAfterDays, 1, EXPIRES_AFTER_DAYS_MAX)) {
    issues.push({
      field: 'expiresAfterDays',
      message: `must be a whole number of days from 1 to ${EXPIRES_AFTER_DAYS_MAX}, or empty`,
    });
  }
  if (draft.maxPerUser !== null && !isWholeNumberIn(draft.maxPerUser, 1, MAX_PER_USER_MAX)) {
    issues.push({ field: 'maxPerUser', message: `must be a whole number from 1 to ${MAX_PER_USER_MAX}, or empty` });
  }
  return issues;
}

/**
 * When an item bought at `now` expires. An item outside the import's bounds (written some other way) is refused
 * here, inside the purchase's transaction, rather than charged for and then unpresentable.
 */
export function expiryOf(item: Item, now: Date): Date | null {
  if (item.expiresAfterDays === null) return null;
  if (!isWholeNumberIn(item.expiresAfterDays, 1, EXPIRES_AFTER_DAYS_MAX)) {
    throw new RangeError(
      `Item ${item.id} has expires_after_days ${item.expiresAfterDays}, outside 1-${EXPIRES_AFTER_DAYS_MAX}`,
    );
  }
  return new Date(now.getTime() + item.expiresAfterDays * DAY_MS);
}
