import { ApiClient } from './api-client';

export interface WireReceipt {
  kind: string;
  delta: number;
  balance_before: number;
  balance_after: number;
}

/** Every receipt of a user, walking the cursor pages through the API. */
export async function allReceipts(bot: ApiClient, userId: number): Promise<WireReceipt[]> {
  const receipts = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '?limit=100' : `?limit=100&cursor=${encodeURIComponent(cursor)}`;
    const page = await bot.get(`/users/${userId}/receipts${query}`);
    expect(page.status).toBe(200);
    receipts.push(...page.body.data);
    cursor = page.body.next_cursor;
  } while (cursor !== null);
  return receipts;
}
