import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
import { createHttpApp } from './adapters/http/create-http-app';
import { HttpDependencies } from './adapters/http/http-dependencies';
import { HttpObserver } from './adapters/http/http-observer';
import { answerMalformedHttp } from './adapters/http/malformed-http';
import { openAccessLogSink } from './adapters/observability/access-log-destination';
import { createErrorReporter } from './adapters/observability/error-reporter';
import { createLogger } from './adapters/observability/logger';
import { TYPES } from './service-identifiers';
import { Runtime } from './runtime';

export interface RunningServer {
  port: number;
  /** Stops accepting, lets in-flight requests finish, then closes the access log and flushes Sentry. */
  stop(): Promise<void>;
}

const RELEASE = `forte@${process.env.npm_package_version ?? 'dev'}`;

/** Builds the HTTP adapter from the runtime's container and listens on the configured host and port. */
export async function startServer(runtime: Runtime, listen = { host: runtime.config.HOST, port: runtime.config.PORT }): Promise<RunningServer> {
  const accessLog = openAccessLogSink(runtime.config.ACCESS_LOG);
  const logger = createLogger(runtime.config.LOG_LEVEL);
  const errors = await createErrorReporter({
    dsn: runtime.config.SENTRY_DSN,
    environment: runtime.config.SENTRY_ENVIRONMENT,
    release: RELEASE,
    logger,
  });
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const refusals = new Counter({
    name: 'forte_storage_refusals_total',
    help: 'Requests answered 503 because of contention (BUSY) or an unreachable database (DATABASE_UNAVAILABLE)',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const protocolErrors = new Counter({
    name: 'forte_http_protocol_errors_total',
    help: 'Requests refused as malformed HTTP before reaching a route',
    registers: [registry],
  });
  const observer: HttpObserver = {
    fault: (error, ctx) => errors.report(error, { method: ctx.method, route: String(ctx._matchedRoute ?? ctx.path) }),
    storageRefusal: (refusal, ctx) => {
      refusals.inc({ code: refusal });
      logger.warn({ refusal, method: ctx.method, route: String(ctx._matchedRoute ?? ctx.path) }, 'answered 503');
    },
    protocolError: () => protocolErrors.inc(),
  };
  const deps: HttpDependencies = {
    registerUser: runtime.get(TYPES.RegisterUser),
    getUser: runtime.get(TYPES.GetUser),
    updateUser: runtime.get(TYPES.UpdateUser),
    deleteUser: runtime.get(TYPES.DeleteUser),
    changePoints: runtime.get(TYPES.ChangePoints),
    listReceipts: runtime.get(TYPES.ListReceipts),
    getReceipt: runtime.get(TYPES.GetReceipt),
    listSellableItems: runtime.get(TYPES.ListSellableItems),
    getItem: runtime.get(TYPES.GetItem),
    purchaseItem: runtime.get(TYPES.PurchaseItem),
    listUserItems: runtime.get(TYPES.ListUserItems),
    getUserItem: runtime.get(TYPES.GetUserItem),
    consumeUserItem: runtime.get(TYPES.ConsumeUserItem),
    withdrawPurchase: runtime.get(TYPES.WithdrawPurchase),
    checkIn: runtime.get(TYPES.CheckIn),
    getAttendance: runtime.get(TYPES.GetAttendance),
    openBox: runtime.get(TYPES.OpenBox),
    authenticateClient: runtime.get(TYPES.AuthenticateClient),
    isReady: async () => {
      await runtime.database.knex.raw('SELECT 1');
      return true;
    },
    observer,
    accessLog: accessLog.write,
    metrics: { registry, token: runtime.config.METRICS_TOKEN ?? null },
  };
  const server = createServer(createHttpApp(deps).callback());
  server.on('clientError', answerMalformedHttp(observer));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      await closeGracefully(server);
      await accessLog.close();
      await errors.flush();
    },
  };
}

function closeGracefully(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive connections with no request in flight would otherwise hold the close open.
    server.closeIdleConnections();
  });
}
