import { AddressInfo } from 'node:net';
import { parseConfig } from '../../../src/adapters/config/config';
import { createHttpApp } from '../../../src/adapters/http/create-http-app';
import { HttpDependencies } from '../../../src/adapters/http/http-dependencies';
import { composeForte } from '../../../src/composition-root';
import { Scope } from '../../../src/domain/scope';
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

/** Forte from the composition root on the in-memory unit of work, its HTTP app listening on a real port. */
export async function startInMemoryApp(overrides: Partial<HttpDependencies> = {}): Promise<InMemoryHttpApp> {
  const forte = composeForte(parseConfig({ LOG_LEVEL: 'silent', ACCESS_LOG: 'off' }), null, {
    unitOfWork: new InMemoryUnitOfWork(),
  });
  const reported: unknown[] = [];
  const refusals: string[] = [];
  const accessLog: string[] = [];
  const app = createHttpApp({
    ...(await forte.httpDependencies()),
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
      const created = await forte.useCases.createClient.execute({ name, scopes });
      if (!created.ok) throw new Error(`client ${name}: ${created.failure.type}`);
      return created.value.token;
    },
    async revokeClient(name) {
      const revoked = await forte.useCases.revokeClient.execute({ name });
      if (!revoked.ok) throw new Error(`client ${name}: ${revoked.failure.type}`);
    },
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
      await forte.close();
    },
  };
}
