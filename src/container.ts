import { Container } from 'inversify';
import { AuthenticateClient } from './application/authenticate-client';
import { ChangePoints } from './application/change-points';
import { CheckIn } from './application/check-in';
import { ConsumeUserItem } from './application/consume-user-item';
import { CreateClient } from './application/create-client';
import { DeleteUser } from './application/delete-user';
import { GetAttendance } from './application/get-attendance';
import { GetItem } from './application/get-item';
import { GetReceipt } from './application/get-receipt';
import { GetUser } from './application/get-user';
import { GetUserItem } from './application/get-user-item';
import { ImportItems } from './application/import-items';
import { ListClients } from './application/list-clients';
import { ListItems } from './application/list-items';
import { ListReceipts } from './application/list-receipts';
import { ListSellableItems } from './application/list-sellable-items';
import { ListUserItems } from './application/list-user-items';
import { OpenBox } from './application/open-box';
import { Clock } from './application/ports/clock';
import { RandomSource } from './application/ports/random-source';
import { TokenIssuer } from './application/ports/token-issuer';
import { UnitOfWork } from './application/ports/unit-of-work';
import { PurchaseItem } from './application/purchase-item';
import { RegisterUser } from './application/register-user';
import { RevokeClient } from './application/revoke-client';
import { UpdateUser } from './application/update-user';
import { WithdrawPurchase } from './application/withdraw-purchase';
import { Database } from './adapters/persistence/database';
import { DEFAULT_RETRY, KnexUnitOfWork } from './adapters/persistence/knex-unit-of-work';
import { Sha256TokenIssuer } from './adapters/security/sha256-token-issuer';
import { CryptoRandomSource } from './adapters/system/crypto-random-source';
import { SystemClock } from './adapters/system/system-clock';
import { TYPES } from './service-identifiers';

/** Test doubles a test may bind instead of the real time and chance; nothing else can be swapped. */
export interface Overrides {
  clock?: Clock;
  random?: RandomSource;
}

/**
 * The one composition root: the server, forte-cli and the end-to-end tests all build Forte here.
 * Use cases are plain classes, so every binding is a factory over the identifiers it needs.
 */
export function buildContainer(database: Database, overrides: Overrides = {}): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  container.bind<Database>(TYPES.Database).toConstantValue(database);
  container.bind<UnitOfWork>(TYPES.UnitOfWork).toResolvedValue((db: Database) => new KnexUnitOfWork(db.knex, DEFAULT_RETRY, db.reads), [TYPES.Database]);
  container.bind<Clock>(TYPES.Clock).toConstantValue(overrides.clock ?? new SystemClock());
  container.bind<RandomSource>(TYPES.RandomSource).toConstantValue(overrides.random ?? new CryptoRandomSource());
  container.bind<TokenIssuer>(TYPES.TokenIssuer).toConstantValue(new Sha256TokenIssuer());

  const withUowAndClock: [symbol, symbol] = [TYPES.UnitOfWork, TYPES.Clock];
  container.bind(TYPES.RegisterUser).toResolvedValue((uow: UnitOfWork, clock: Clock) => new RegisterUser(uow, clock), withUowAndClock);
  container.bind(TYPES.GetUser).toResolvedValue((uow: UnitOfWork) => new GetUser(uow), [TYPES.UnitOfWork]);
  container.bind(TYPES.UpdateUser).toResolvedValue((uow: UnitOfWork, clock: Clock) => new UpdateUser(uow, clock), withUowAndClock);
  container.bind(TYPES.DeleteUser).toResolvedValue((uow: UnitOfWork, clock: Clock) => new DeleteUser(uow, clock), withUowAndClock);
  container.bind(TYPES.ChangePoints).toResolvedValue((uow: UnitOfWork, clock: Clock) => new ChangePoints(uow, clock), withUowAndClock);
  container.bind(TYPES.ListReceipts).toResolvedValue((uow: UnitOfWork) => new ListReceipts(uow), [TYPES.UnitOfWork]);
  container.bind(TYPES.GetReceipt).toResolvedValue((uow: UnitOfWork) => new GetReceipt(uow), [TYPES.UnitOfWork]);
  container
    .bind(TYPES.CreateClient)
    .toResolvedValue(
      (uow: UnitOfWork, tokens: TokenIssuer, clock: Clock) => new CreateClient(uow, tokens, clock),
      [TYPES.UnitOfWork, TYPES.TokenIssuer, TYPES.Clock],
    );
  container.bind(TYPES.ListClients).toResolvedValue((uow: UnitOfWork) => new ListClients(uow), [TYPES.UnitOfWork]);
  container.bind(TYPES.RevokeClient).toResolvedValue((uow: UnitOfWork, clock: Clock) => new RevokeClient(uow, clock), withUowAndClock);
  container
    .bind(TYPES.AuthenticateClient)
    .toResolvedValue((uow: UnitOfWork, tokens: TokenIssuer) => new AuthenticateClient(uow, tokens), [TYPES.UnitOfWork, TYPES.TokenIssuer]);
  container.bind(TYPES.ListSellableItems).toResolvedValue((uow: UnitOfWork) => new ListSellableItems(uow), [TYPES.UnitOfWork]);
  container.bind(TYPES.GetItem).toResolvedValue((uow: UnitOfWork) => new GetItem(uow), [TYPES.UnitOfWork]);
  container.bind(TYPES.PurchaseItem).toResolvedValue((uow: UnitOfWork, clock: Clock) => new PurchaseItem(uow, clock), withUowAndClock);
  container.bind(TYPES.ListUserItems).toResolvedValue((uow: UnitOfWork, clock: Clock) => new ListUserItems(uow, clock), withUowAndClock);
  container.bind(TYPES.GetUserItem).toResolvedValue((uow: UnitOfWork, clock: Clock) => new GetUserItem(uow, clock), withUowAndClock);
  container.bind(TYPES.ConsumeUserItem).toResolvedValue((uow: UnitOfWork, clock: Clock) => new ConsumeUserItem(uow, clock), withUowAndClock);
  container.bind(TYPES.WithdrawPurchase).toResolvedValue((uow: UnitOfWork, clock: Clock) => new WithdrawPurchase(uow, clock), withUowAndClock);
  container.bind(TYPES.CheckIn).toResolvedValue((uow: UnitOfWork, clock: Clock) => new CheckIn(uow, clock), withUowAndClock);
  container.bind(TYPES.GetAttendance).toResolvedValue((uow: UnitOfWork, clock: Clock) => new GetAttendance(uow, clock), withUowAndClock);
  container
    .bind(TYPES.OpenBox)
    .toResolvedValue(
      (uow: UnitOfWork, clock: Clock, random: RandomSource) => new OpenBox(uow, clock, random),
      [TYPES.UnitOfWork, TYPES.Clock, TYPES.RandomSource],
    );
  container.bind(TYPES.ImportItems).toResolvedValue((uow: UnitOfWork, clock: Clock) => new ImportItems(uow, clock), withUowAndClock);
  container.bind(TYPES.ListItems).toResolvedValue((uow: UnitOfWork) => new ListItems(uow), [TYPES.UnitOfWork]);
  return container;
}
