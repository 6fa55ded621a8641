import { AddressInfo } from 'node:net';
import { AuthenticateClient } from '../../../src/application/authenticate-client';
import { ChangePoints } from '../../../src/application/change-points';
import { CheckIn } from '../../../src/application/check-in';
import { ConsumeUserItem } from '../../../src/application/consume-user-item';
import { CreateClient } from '../../../src/application/create-client';
import { DeleteUser } from '../../../src/application/delete-user';
import { GetAttendance } from '../../../src/application/get-attendance';
import { GetItem } from '../../../src/application/get-item';
import { GetReceipt } from '../../../src/application/get-receipt';
import { GetUser } from '../../../src/application/get-user';
import { GetUserItem } from '../../../src/application/get-user-item';
import { ListReceipts } from '../../../src/application/list-receipts';
import { ListSellableItems } from '../../../src/application/list-sellable-items';
import { ListUserItems } from '../../../src/application/list-user-items';
import { OpenBox } from '../../../src/application/open-box';
import { PurchaseItem } from '../../../src/application/purchase-item';
import { RegisterUser } from '../../../src/application/register-user';
import { RevokeClient } from '../../../src/application/revoke-client';
import { UpdateUser } from '../../../src/application/update-user';
import { WithdrawPurchase } from '../../../src/application/withdraw-purchase';
import { Scope } from '../../../src/domain/scope';
import { createHttpApp } from '../../../src/adapters/http/create-http-app';
import { HttpDependencies } from '../../../src/adapters/http/http-dependencies';
import { Sha256TokenIssuer } from '../../../src/adapters/security/sha256-token-issuer';
import { CryptoRandomSource } from '../../../src/adapters/system/crypto-random-source';
import { SystemClock } from '../../../src/adapters/system/system-clock';
import { InMemoryUnitOfWork } from '../../support/in-memory/in-memory-unit-of-work';

export interface InMemoryHttpApp {
  baseUrl: string;
  origin: string;
  createClient(name: string, scopes: Scope[]): Promise<string>;
  revokeClient(name: string): Promise<void>;
  /** What reached the observer as a fault, the 503 refusals, and the access log. */
  reported: unknown[];
  refusals: string[];
  accessLog: string[];
  close(): Promise<void>;
}

/** The HTTP app over the real use cases and the in-memory unit of work, listening on a real port. */
export async function startInMemoryApp(overrides: Partial<HttpDependencies> = {}): Promise<InMemoryHttpApp> {
  const uow = new InMemoryUnitOfWork();
  const clock = new SystemClock();
  const tokens = new Sha256TokenIssuer();
  const reported: unknown[] = [];
  const refusals: string[] = [];
  const accessLog: string[] = [];
  const app = createHttpApp({
    registerUser: new RegisterUser(uow, clock),
    getUser: new GetUser(uow),
    updateUser: new UpdateUser(uow, clock),
    deleteUser: new DeleteUser(uow, clock),
    changePoints: new ChangePoints(uow, clock),
    listReceipts: new ListReceipts(uow),
    getReceipt: new GetReceipt(uow),
    listSellableItems: new ListSellableItems(uow),
    getItem: new GetItem(uow),
    purchaseItem: new PurchaseItem(uow, clock),
    listUserItems: new ListUserItems(uow, clock),
    getUserItem: new GetUserItem(uow, clock),
    consumeUserItem: new ConsumeUserItem(uow, clock),
    withdrawPurchase: new WithdrawPurchase(uow, clock),
    checkIn: new CheckIn(uow, clock),
    getAttendance: new GetAttendance(uow, clock),
    openBox: new OpenBox(uow, clock, new CryptoRandomSource()),
    authenticateClient: new AuthenticateClient(uow, tokens),
    isReady: () => Promise.resolve(true),
    observer: {
      fault: (error) => reported.push(error),
      storageRefusal: (refusal) => refusals.push(refusal),
      protocolError: (error) => reported.push(error),
    },
    accessLog: (line) => accessLog.push(line),
    ...overrides,
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: `${origin}/api/v2`,
    origin,
    reported,
    refusals,
    accessLog,
    async createClient(name, scopes) {
      const created = await new CreateClient(uow, tokens, clock).execute({ name, scopes });
      if (!created.ok) throw new Error(`client ${name}: ${created.failure.type}`);
      return created.value.token;
    },
    async revokeClient(name) {
      const revoked = await new RevokeClient(uow, clock).execute({ name });
      if (!revoked.ok) throw new Error(`client ${name}: ${revoked.failure.type}`);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
