/** What a bot's client token may do; each route names the one scope it needs. */
export const SCOPES = [
  'users:read',
  'users:write',
  'items:read',
  'store:purchase',
  'points:grant',
  'attendance',
  'payments:checkout',
] as const;

export type Scope = (typeof SCOPES)[number];

export const isScope = (value: string): value is Scope => (SCOPES as readonly string[]).includes(value);
