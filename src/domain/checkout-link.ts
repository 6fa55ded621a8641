/** A short link a bot can paste into a chat message: it leads to a Pay Station page while it is valid. */
export interface CheckoutLink {
  code: string;
  userId: number;
  /** The Pay Station page it leads to. */
  url: string;
  expiresAt: Date;
  createdAt: Date;
}

/** How long a short link leads to its page: long enough to click it from a message, far short of the token's day. */
export const CHECKOUT_LINK_TTL_MS = 60 * 60 * 1000;

export const isExpired = (link: CheckoutLink, now: Date): boolean => now.getTime() >= link.expiresAt.getTime();
