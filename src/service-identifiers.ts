/**
 * Identifiers of everything the composition root hands out. Kept apart from the container so that a CLI command
 * can name what it needs without loading every adapter at start-up.
 */
export const TYPES = {
  Database: Symbol.for('Database'),
  UnitOfWork: Symbol.for('UnitOfWork'),
  Clock: Symbol.for('Clock'),
  RandomSource: Symbol.for('RandomSource'),
  TokenIssuer: Symbol.for('TokenIssuer'),
  RegisterUser: Symbol.for('RegisterUser'),
  GetUser: Symbol.for('GetUser'),
  UpdateUser: Symbol.for('UpdateUser'),
  DeleteUser: Symbol.for('DeleteUser'),
  ChangePoints: Symbol.for('ChangePoints'),
  ListReceipts: Symbol.for('ListReceipts'),
  GetReceipt: Symbol.for('GetReceipt'),
  CreateClient: Symbol.for('CreateClient'),
  ListClients: Symbol.for('ListClients'),
  RevokeClient: Symbol.for('RevokeClient'),
  AuthenticateClient: Symbol.for('AuthenticateClient'),
  ListSellableItems: Symbol.for('ListSellableItems'),
  GetItem: Symbol.for('GetItem'),
  PurchaseItem: Symbol.for('PurchaseItem'),
  ListUserItems: Symbol.for('ListUserItems'),
  GetUserItem: Symbol.for('GetUserItem'),
  ConsumeUserItem: Symbol.for('ConsumeUserItem'),
  WithdrawPurchase: Symbol.for('WithdrawPurchase'),
  CheckIn: Symbol.for('CheckIn'),
  GetAttendance: Symbol.for('GetAttendance'),
  OpenBox: Symbol.for('OpenBox'),
  ImportItems: Symbol.for('ImportItems'),
  ListItems: Symbol.for('ListItems'),
} as const;
