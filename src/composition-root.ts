import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Container } from 'inversify';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { AuditLedger } from './application/audit-ledger';
import { ReconcileXsolla } from './application/reconcile-xsolla';
import { RepairDiscrepancies } from './application/repair-discrepancies';
import { ReportedTransactionSource } from './application/ports/reported-transaction-source';
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
import { CreateCheckout } from './application/create-checkout';
import { GetMirrorBacklog } from './application/get-mirror-backlog';
import { MirrorXsollaWallets } from './application/mirror-xsolla-wallets';
import { OpenCheckoutLink } from './application/open-checkout-link';
import { LinkCodes } from './application/ports/link-codes';
import { XsollaBalances, XsollaCheckout, XsollaWallet } from './application/ports/xsolla-merchant';
import { HandleXsollaNotification } from './application/handle-xsolla-notification';
import { ImportItems } from './application/import-items';
import { ListClients } from './application/list-clients';
import { ListItems } from './application/list-items';
import { ListReceipts } from './application/list-receipts';
import { ListSellableItems } from './application/list-sellable-items';
import { ListUserItems } from './application/list-user-items';
import { OpenBox } from './application/open-box';
import { Clock } from './application/ports/clock';
import { DiscordIdentity } from './application/ports/discord-identity';
import { EventSink } from './application/ports/event-sink';
import { OpsNotifier } from './application/ports/ops-notifier';
import { RandomSource } from './application/ports/random-source';
import { TokenIssuer } from './application/ports/token-issuer';
import { UnitOfWork } from './application/ports/unit-of-work';
import { PurchaseItem } from './application/purchase-item';
import { RegisterUser } from './application/register-user';
import { ReviewInventory } from './application/review-inventory';
import { RevokeClient } from './application/revoke-client';
import { RestrictClient } from './application/restrict-client';
import { SignInWithDiscord } from './application/sign-in-with-discord';
import { UpdateUser } from './application/update-user';
import { WithdrawPurchase } from './application/withdraw-purchase';
import { Config, PanelConfig, panelConfigOf } from './adapters/config/config';
import { DiscordOAuthClient } from './adapters/discord/discord-oauth-client';
import { DiscordOpsWebhook } from './adapters/discord/discord-ops-webhook';
import { opsNotices } from './adapters/observability/ops-notices';
import { serverErrorBursts } from './adapters/observability/server-error-bursts';
import type { HttpDependencies, PanelDependencies, XsollaWebhookGate } from './adapters/http/http-dependencies';
import type { HttpObserver, RequestFacts, RequestLog } from './adapters/http/http-observer';
import { openAccessLogSink } from './adapters/observability/access-log-destination';
import { createErrorReporter, ErrorReporter } from './adapters/observability/error-reporter';
import { refusalMetrics } from './adapters/observability/refusal-metrics';
import { businessMetrics } from './adapters/observability/business-metrics';
import { createLogger, Logger } from './adapters/observability/logger';
import { Database } from './adapters/persistence/database';
import { isDatabaseReady } from './adapters/persistence/database-readiness';
import { KnexUnitOfWork } from './adapters/persistence/knex-unit-of-work';
import { Sha256TokenIssuer } from './adapters/security/sha256-token-issuer';
import { CryptoRandomSource } from './adapters/system/crypto-random-source';
import { SystemClock } from './adapters/system/system-clock';
import { outboxBacklogGauge } from './adapters/observability/outbox-backlog-gauge';
import { poolUsageGauges } from './adapters/observability/pool-usage-gauges';
import { reconciliationGauge } from './adapters/observability/reconciliation-gauge';
import { RandomLinkCodes } from './adapters/security/random-link-codes';
import { PeriodicTask } from './adapters/system/periodic-task';
import { unconfiguredMerchant } from './adapters/xsolla/unconfigured-merchant';
import { checkWebhookSignature } from './adapters/xsolla/webhook-signature';
import { XsollaMerchantClient } from './adapters/xsolla/xsolla-merchant-client';
import { allowsSource, XSOLLA_NETWORKS } from './adapters/xsolla/webhook-sources';
import { transactionFileSource } from './adapters/xsolla/transaction-file-source';
import { transactionSearchSource } from './adapters/xsolla/transaction-search-source';

/** Every use case Forte offers, by the name the adapters call it. */
export interface UseCases {
  registerUser: RegisterUser;
  getUser: GetUser;
  updateUser: UpdateUser;
  deleteUser: DeleteUser;
  changePoints: ChangePoints;
  listReceipts: ListReceipts;
  getReceipt: GetReceipt;
  createClient: CreateClient;
  listClients: ListClients;
  revokeClient: RevokeClient;
  restrictClient: RestrictClient;
  authenticateClient: AuthenticateClient;
  listSellableItems: ListSellableItems;
  getItem: GetItem;
  purchaseItem: PurchaseItem;
  listUserItems: ListUserItems;
  reviewInventory: ReviewInventory;
  getUserItem: GetUserItem;
  consumeUserItem: ConsumeUserItem;
  withdrawPurchase: WithdrawPurchase;
  checkIn: CheckIn;
  getAttendance: GetAttendance;
  openBox: OpenBox;
  importItems: ImportItems;
  listItems: ListItems;
  createCheckout: CreateCheckout;
  openCheckoutLink: OpenCheckoutLink;
  getMirrorBacklog: GetMirrorBacklog;
  auditLedger: AuditLedger;
  handleXsollaNotification: HandleXsollaNotification;
  reconcileXsolla: ReconcileXsolla;
}

/** What a test may put in place of the real parts: time, chance, and storage (an in-memory unit of work). */
export interface Overrides {
  clock?: Clock;
  random?: RandomSource;
  unitOfWork?: UnitOfWork;
}

/** Forte, wired: the use cases and what watches them, closed together. */
export interface Forte {
  readonly config: Config;
  readonly useCases: UseCases;
  readonly logger: Logger;
  /** The Prometheus registry every metric of this process joins. */
  readonly metrics: Registry;
  /** Where `forte-cli reconcile` reads Xsolla's transactions: its transactions search, or an export file. */
  readonly reconciliationSources: { api(): ReportedTransactionSource; file(path: string): ReportedTransactionSource };
  /** Whether the storage answers (`/ready`). */
  isReady(): Promise<boolean>;
  /** What runs beside the server: the Xsolla balance mirror, when Xsolla's merchant API is configured. */
  readonly workers: { start(): void; stop(): Promise<void> };
  /** What the HTTP adapter needs; Sentry and the access log are only set up here, for processes that serve. */
  httpDependencies(): Promise<HttpDependencies>;
  close(): Promise<void>;
}

/** A typed identifier: the compiler knows what the container hands out under it, so a wrong binding fails. */
type Token<T> = symbol & { readonly provides: (value: T) => T };
const token = <T>(name: string): Token<T> => Symbol(name) as Token<T>;

const PARTS = {
  clock: token<Clock>('Clock'),
  random: token<RandomSource>('RandomSource'),
  tokens: token<TokenIssuer>('TokenIssuer'),
  uow: token<UnitOfWork>('UnitOfWork'),
  events: token<EventSink>('EventSink'),
  checkout: token<XsollaCheckout>('XsollaCheckout'),
  balances: token<XsollaBalances>('XsollaBalances'),
  repairs: token<RepairDiscrepancies>('RepairDiscrepancies'),
  linkCodes: token<LinkCodes>('LinkCodes'),
  publicUrl: token<string>('PublicUrl'),
};

const USE_CASES: { [K in keyof UseCases]: Token<UseCases[K]> } = {
  registerUser: token('RegisterUser'),
  getUser: token('GetUser'),
  updateUser: token('UpdateUser'),
  deleteUser: token('DeleteUser'),
  changePoints: token('ChangePoints'),
  listReceipts: token('ListReceipts'),
  getReceipt: token('GetReceipt'),
  createClient: token('CreateClient'),
  listClients: token('ListClients'),
  revokeClient: token('RevokeClient'),
  restrictClient: token('RestrictClient'),
  authenticateClient: token('AuthenticateClient'),
  listSellableItems: token('ListSellableItems'),
  getItem: token('GetItem'),
  purchaseItem: token('PurchaseItem'),
  listUserItems: token('ListUserItems'),
  reviewInventory: token('ReviewInventory'),
  getUserItem: token('GetUserItem'),
  consumeUserItem: token('ConsumeUserItem'),
  withdrawPurchase: token('WithdrawPurchase'),
  checkIn: token('CheckIn'),
  getAttendance: token('GetAttendance'),
  openBox: token('OpenBox'),
  importItems: token('ImportItems'),
  listItems: token('ListItems'),
  createCheckout: token('CreateCheckout'),
  openCheckoutLink: token('OpenCheckoutLink'),
  getMirrorBacklog: token('GetMirrorBacklog'),
  auditLedger: token('AuditLedger'),
  handleXsollaNotification: token('HandleXsollaNotification'),
  reconcileXsolla: token('ReconcileXsolla'),
};

/** inversify behind typed tokens: a factory's dependencies and result are checked against the tokens' types. */
class TypedContainer {
  private readonly container = new Container({ defaultScope: 'Singleton' });

  value<T>(id: Token<T>, value: T): void {
    this.container.bind<T>(id).toConstantValue(value);
  }

  factory<T, D extends unknown[]>(
    id: Token<T>,
    deps: readonly [...{ [K in keyof D]: Token<D[K]> }],
    make: (...deps: D) => T,
  ): void {
    this.container
      .bind<T>(id)
      .toResolvedValue((...resolved: unknown[]) => make(...(resolved as D)), [...deps] as symbol[]);
  }

  get<T>(id: Token<T>): T {
    return this.container.get<T>(id);
  }
}

function bindUseCases(c: TypedContainer): void {
  const { clock, random, tokens, uow, events, checkout, linkCodes, publicUrl, balances, repairs } = PARTS;
  const u = USE_CASES;
  c.factory(u.registerUser, [uow, clock], (w, t) => new RegisterUser(w, t));
  c.factory(u.getUser, [uow], (w) => new GetUser(w));
  c.factory(u.updateUser, [uow, clock], (w, t) => new UpdateUser(w, t));
  c.factory(u.deleteUser, [uow, clock], (w, t) => new DeleteUser(w, t));
  c.factory(u.changePoints, [uow, clock, events], (w, t, e) => new ChangePoints(w, t, e));
  c.factory(u.listReceipts, [uow], (w) => new ListReceipts(w));
  c.factory(u.getReceipt, [uow], (w) => new GetReceipt(w));
  c.factory(u.createClient, [uow, tokens, clock], (w, k, t) => new CreateClient(w, k, t));
  c.factory(u.listClients, [uow], (w) => new ListClients(w));
  c.factory(u.revokeClient, [uow, clock], (w, t) => new RevokeClient(w, t));
  c.factory(u.restrictClient, [uow], (w) => new RestrictClient(w));
  c.factory(u.authenticateClient, [uow, tokens, clock], (w, k, t) => new AuthenticateClient(w, k, t));
  c.factory(u.listSellableItems, [uow], (w) => new ListSellableItems(w));
  c.factory(u.getItem, [uow], (w) => new GetItem(w));
  c.factory(u.purchaseItem, [uow, clock, events], (w, t, e) => new PurchaseItem(w, t, e));
  c.factory(u.listUserItems, [uow, clock], (w, t) => new ListUserItems(w, t));
  c.factory(u.reviewInventory, [uow, clock], (w, t) => new ReviewInventory(w, t));
  c.factory(u.getUserItem, [uow, clock], (w, t) => new GetUserItem(w, t));
  c.factory(u.consumeUserItem, [uow, clock], (w, t) => new ConsumeUserItem(w, t));
  c.factory(u.withdrawPurchase, [uow, clock, events], (w, t, e) => new WithdrawPurchase(w, t, e));
  c.factory(u.checkIn, [uow, clock], (w, t) => new CheckIn(w, t));
  c.factory(u.getAttendance, [uow, clock], (w, t) => new GetAttendance(w, t));
  c.factory(u.openBox, [uow, clock, random, events], (w, t, r, e) => new OpenBox(w, t, r, e));
  c.factory(u.importItems, [uow, clock], (w, t) => new ImportItems(w, t));
  c.factory(u.listItems, [uow], (w) => new ListItems(w));
  c.factory(u.auditLedger, [uow, events], (w, e) => new AuditLedger(w, e));
  c.factory(u.handleXsollaNotification, [uow, clock, events], (w, t, e) => new HandleXsollaNotification(w, t, e));
  c.factory(repairs, [uow, clock, u.handleXsollaNotification], (w, t, h) => new RepairDiscrepancies(w, t, h));
  c.factory(
    u.reconcileXsolla,
    [uow, clock, events, balances, repairs],
    (w, t, e, b, r) => new ReconcileXsolla(w, t, e, b, r),
  );
  c.factory(
    u.createCheckout,
    [uow, checkout, linkCodes, clock, publicUrl],
    (w, x, l, t, p) => new CreateCheckout(w, x, l, t, p),
  );
  c.factory(u.openCheckoutLink, [uow, clock], (w, t) => new OpenCheckoutLink(w, t));
  c.factory(u.getMirrorBacklog, [uow, clock], (w, t) => new GetMirrorBacklog(w, t));
}

/**
 * The one composition root: the server, forte-cli and the tests all build Forte here, from its configuration and
 * its storage (an open database, or an in-memory unit of work that a test hands in as an override).
 */
export function composeForte(config: Config, database: Database | null, overrides: Overrides = {}): Forte {
  const logger = createLogger(config.LOG_LEVEL);
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  const unitOfWork = overrides.unitOfWork ?? knexUnitOfWork(database, logger);
  const discord = opsWebhook(config, logger);
  const sinks = [businessMetrics(metrics), ...(discord ? [opsNotices(discord)] : [])];
  const events: EventSink = { publish: (event) => sinks.forEach((sink) => sink.publish(event)) };

  const c = new TypedContainer();
  c.value(PARTS.clock, overrides.clock ?? new SystemClock());
  c.value(PARTS.random, overrides.random ?? new CryptoRandomSource());
  c.value(PARTS.tokens, new Sha256TokenIssuer());
  c.value(PARTS.uow, unitOfWork);
  c.value(PARTS.events, events);
  const merchant = xsollaMerchant(config);
  c.value(PARTS.checkout, merchant ?? unconfiguredMerchant);
  c.value(PARTS.balances, merchant ?? unconfiguredMerchant);
  c.value(PARTS.linkCodes, new RandomLinkCodes());
  c.value(PARTS.publicUrl, config.PUBLIC_URL);
  bindUseCases(c);
  const useCases = Object.fromEntries(
    Object.entries(USE_CASES).map(([name, id]) => [name, c.get(id as Token<unknown>)]),
  ) as unknown as UseCases;

  outboxBacklogGauge(metrics, async () => {
    const backlog = await unitOfWork.read((reads) => reads.walletMirror.backlog(new Date(), 0));
    return backlog.changes;
  });
  if (database) poolUsageGauges(metrics, () => database.poolUsage());
  reconciliationGauge(metrics, () => unitOfWork.read((reads) => reads.reconciliation.lastFinishedRun()));
  const mirror =
    merchant && balanceMirror(config, unitOfWork, merchant, c.get(PARTS.clock), c.get(PARTS.random), logger);
  const panelConfig = panelConfigOf(config);
  const panel = panelConfig && userPanel(c, panelConfig);

  const isReady = async (): Promise<boolean> => (database ? isDatabaseReady(database) : true);
  // Built on first use only, so that commands which never serve neither open the access log nor start Sentry.
  let http: Promise<ServingParts> | null = null;
  return {
    config,
    useCases,
    logger,
    metrics,
    isReady,
    reconciliationSources: {
      api: () => transactionSearchSource(merchant && ((search) => merchant.searchTransactions(search))),
      file: transactionFileSource,
    },
    workers: {
      start: () => mirror?.start(),
      stop: async () => mirror?.stop(),
    },
    httpDependencies: async () => {
      http ??= servingParts(config, logger, metrics);
      const { accessLog, observer } = await http;
      return {
        ...useCases,
        panel,
        isReady,
        observer,
        events,
        xsollaWebhooks: xsollaWebhookGate(config),
        trustProxy: config.TRUST_PROXY,
        rateLimitPerClient: config.RATE_LIMIT_PER_CLIENT ?? null,
        networkCheck: allowsSource,
        accessLog: accessLog.write,
        requestLog: requestLogLine(logger, discord),
        metrics: { registry: metrics, token: config.METRICS_TOKEN ?? null },
      };
    },
    close: async () => {
      await mirror?.stop();
      const serving = await http;
      await serving?.accessLog.close();
      await serving?.errors.flush();
      await discord?.flush();
      await database?.close();
    },
  };
}

const PANEL_PARTS = {
  discord: token<DiscordIdentity>('DiscordIdentity'),
  signIn: token<SignInWithDiscord>('SignInWithDiscord'),
};

/** The user panel, wired only once its configuration is complete: Discord's sign-in and the session settings. */
function userPanel(c: TypedContainer, panel: PanelConfig): PanelDependencies {
  c.value(
    PANEL_PARTS.discord,
    new DiscordOAuthClient({
      apiUrl: panel.discordApiUrl,
      clientId: panel.discordClientId,
      clientSecret: panel.discordClientSecret,
    }),
  );
  c.factory(PANEL_PARTS.signIn, [PANEL_PARTS.discord, PARTS.uow], (d, w) => new SignInWithDiscord(d, w));
  return {
    discordClientId: panel.discordClientId,
    // Discord serves its authorization page from the API's host: https://discord.com/oauth2/authorize.
    discordAuthorizeUrl: new URL('/oauth2/authorize', panel.discordApiUrl).href,
    publicUrl: panel.publicUrl,
    sessionSecret: panel.sessionSecret,
    signInWithDiscord: c.get(PANEL_PARTS.signIn),
    clock: c.get(PARTS.clock),
  };
}

interface ServingParts {
  accessLog: ReturnType<typeof openAccessLogSink>;
  errors: ErrorReporter;
  observer: HttpObserver;
}

async function servingParts(config: Config, logger: Logger, metrics: Registry): Promise<ServingParts> {
  const errors = await createErrorReporter({
    dsn: config.SENTRY_DSN,
    environment: config.SENTRY_ENVIRONMENT,
    logger,
  });
  return { accessLog: openAccessLogSink(config.ACCESS_LOG), errors, observer: httpObserver(errors, logger, metrics) };
}

function httpObserver(errors: ErrorReporter, logger: Logger, metrics: Registry): HttpObserver {
  const refusals = refusalMetrics(metrics);
  return {
    fault: (error, request) => errors.report(error, requestTags(request)),
    storageRefusal: (refusal, request) => {
      refusals.storageRefusal(refusal);
      logger.warn({ refusal, ...request }, 'answered 503');
    },
    protocolError: () => refusals.protocolError(),
  };
}

const requestTags = (request: RequestFacts) => ({
  route: request.route,
  method: request.method,
  request_id: request.requestId,
  client: request.client,
});

/**
 * The structured log's line for each request (info, or warn for a 5xx); bursts of 5xx go to the ops channel. Below
 * the info level only the 5xx answers are logged, so only theirs are made.
 */
export function requestLogLine(logger: Logger, ops: OpsNotifier | null): RequestLog {
  const bursts = ops && serverErrorBursts(ops, { threshold: 10, windowMs: 60_000 });
  const everyAnswer = logger.isLevelEnabled('info');
  return {
    wants: (status) => everyAnswer || status >= 500,
    write: (entry) => {
      const message = `${entry.method} ${entry.route} ${entry.status}`;
      if (entry.status >= 500) logger.warn(entry, message);
      else logger.info(entry, message);
      bursts?.(entry);
    },
  };
}

/** The Discord channel of the ops notices, when its webhook is configured. */
function opsWebhook(config: Config, logger: Logger): DiscordOpsWebhook | null {
  const url = config.DISCORD_OPS_WEBHOOK_URL;
  return url ? new DiscordOpsWebhook({ url, onError: (message) => logger.warn(message) }) : null;
}

/** Xsolla's merchant API, when its credentials are set. */
function xsollaMerchant(config: Config): XsollaMerchantClient | null {
  const { XSOLLA_MERCHANT_ID: merchantId, XSOLLA_PROJECT_ID: projectId, XSOLLA_API_KEY: apiKey } = config;
  if (merchantId === undefined || projectId === undefined || apiKey === undefined) return null;
  return new XsollaMerchantClient({
    apiUrl: config.XSOLLA_API_URL,
    merchantId,
    projectId,
    apiKey,
    sandbox: config.XSOLLA_SANDBOX,
    timeoutMs: config.XSOLLA_TIMEOUT_MS,
  });
}

/** The balance mirror's worker: a pass every interval; a claim outlasts four calls' timeouts. */
function balanceMirror(
  config: Config,
  uow: UnitOfWork,
  wallet: XsollaWallet,
  clock: Clock,
  random: RandomSource,
  logger: Logger,
): PeriodicTask {
  const interval = config.XSOLLA_MIRROR_INTERVAL_MS;
  const mirror = new MirrorXsollaWallets(uow, wallet, clock, random, {
    owner: `${hostname()}/${process.pid}/${randomBytes(3).toString('hex')}`,
    leaseMs: 4 * config.XSOLLA_TIMEOUT_MS,
    batch: 100,
    retryBaseMs: interval,
    retryCapMs: 60 * interval,
  });
  return new PeriodicTask(
    async () => {
      const outcomes = await mirror.runOnce();
      if (outcomes.failed > 0) logger.warn(outcomes, 'some Xsolla wallets could not be mirrored; they wait to retry');
    },
    interval,
    (error) => logger.warn({ err: error }, 'a pass of the Xsolla balance mirror failed'),
  );
}

function xsollaWebhookGate(config: Config): XsollaWebhookGate {
  const secret = config.XSOLLA_PROJECT_SECRET;
  const sources = config.XSOLLA_ALLOWED_IPS;
  return {
    checkSignature:
      secret === undefined ? null : (body, authorization) => checkWebhookSignature(body, authorization, secret),
    allowsSource: sources === undefined ? null : allowsSource(sources === 'xsolla' ? XSOLLA_NETWORKS : sources),
  };
}

function knexUnitOfWork(database: Database | null, logger: Logger): UnitOfWork {
  if (!database) throw new Error('Forte needs a database, or a unit of work in its overrides');
  return new KnexUnitOfWork(database.knex, {
    reads: database.reads,
    onEffectError: (error) => logger.error({ err: error }, 'an after-commit effect failed'),
    autocommitOneStatement: database.dialect === 'mysql',
    breaker: database.breaker,
  });
}
