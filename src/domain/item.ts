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

export interface ItemIssue {
  field: keyof ItemDraft;
  message: string;
}

const isPositiveInteger = (value: number): boolean => Number.isSafeInteger(value) && value > 0;

/** Every broken rule of a draft, so an import can report each bad field of each row at once. */
export function itemDraftIssues(draft: ItemDraft): ItemIssue[] {
  const issues: ItemIssue[] = [];
  if (!SKU_PATTERN.test(draft.sku)) {
    issues.push({ field: 'sku', message: 'must be 1-255 letters, digits, ".", "-" or "_"' });
  }
  if (draft.name.trim() === '' || draft.name.length > ITEM_NAME_MAX_LENGTH) {
    issues.push({ field: 'name', message: `must be 1-${ITEM_NAME_MAX_LENGTH} characters` });
  }
  if (!Number.isSafeInteger(draft.price) || draft.price < 0) {
    issues.push({ field: 'price', message: 'must be an integer of at least 0' });
  }
  if (draft.expiresAfterDays !== null && !isPositiveInteger(draft.expiresAfterDays)) {
    issues.push({ field: 'expiresAfterDays', message: 'must be a positive integer or empty' });
  }
  if (draft.maxPerUser !== null && !isPositiveInteger(draft.maxPerUser)) {
    issues.push({ field: 'maxPerUser', message: 'must be a positive integer or empty' });
  }
  return issues;
}
