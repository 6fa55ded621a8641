/** The bot API's resources: one OpenAPI tag each, under which Swagger UI groups their routes. */
export const API_RESOURCES = {
  Users: 'Users, by Forte id or by Discord id: register, read with their points, edit, delete',
  Points: 'Grant and deduct points; every change is a receipt written with the balance',
  Receipts: "A user's ledger: every change of the balance, newest first",
  Items: 'The store catalogue: the items for sale',
  Inventory: "A user's items: buy with points, mark consumed, withdraw (청약철회)",
  Attendance: 'Daily check-in, keys and key boxes, answered in the legacy shapes',
  Checkout: 'Buying points with Xsolla: a Pay Station token and a short link to its page',
  Xsolla: "Xsolla's webhooks, signed by Xsolla and answered in its terms",
} as const;

export type ApiResource = keyof typeof API_RESOURCES;

/** The routes that need no bot token. */
export const SERVICE_TAG = {
  name: 'Service',
  description: 'Liveness, readiness, Prometheus metrics and this documentation; no bot token',
} as const;
