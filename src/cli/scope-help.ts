import { Scope } from '../domain/scope';

/** What each scope lets a bot do, for `clients create --help`; a scope missing here does not compile. */
export const SCOPE_HELP: Record<Scope, string> = {
  'users:read': 'read users (by id or Discord id), their receipts and their items',
  'users:write': 'register, edit and delete users',
  'items:read': 'read the store catalogue',
  'store:purchase': 'buy items with points, mark them consumed, withdraw purchases (청약철회)',
  'points:grant': 'grant and deduct points',
  attendance: 'check in daily and open key boxes',
  'payments:checkout': 'reserved for the coming Xsolla checkout; no route takes it yet',
};

export const scopeHelp = (): string =>
  `Scopes:\n${Object.entries(SCOPE_HELP)
    .map(([scope, help]) => `  ${scope.padEnd(18)} ${help}`)
    .join('\n')}\n`;
