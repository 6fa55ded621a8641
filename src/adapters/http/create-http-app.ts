import Router from '@koa/router';
import Koa from 'koa';
import { forteAccessLog } from './access-log-middleware';
import { httpDurationHistogram } from './http-duration-histogram';
import { clientOf } from './authenticate';
import { clientRateLimit } from './client-rate-limit';
import { errorBoundary } from './error-boundary';
import { AnyEndpoint } from './endpoint';
import { DEFAULT_BODY_LIMIT_BYTES, HttpDependencies } from './http-dependencies';
import { mountEndpoints } from './mount-endpoints';
import { ApiResource } from './openapi/api-resources';
import { openApiDocument } from './openapi/openapi-document';
import { mountPanel } from './panel/mount-panel';
import { panelAdmission } from './panel/panel-admission';
import { panelPages } from './panel/panel-pages';
import { attendanceRoutes } from './routes/attendance-routes';
import { itemsRoutes } from './routes/items-routes';
import { pointsRoutes } from './routes/points-routes';
import { receiptsRoutes } from './routes/receipts-routes';
import { mountMetricsRoute } from './routes/metrics-route';
import { mountServiceRoutes } from './routes/service-routes';
import { userItemsRoutes } from './routes/user-items-routes';
import { usersRoutes } from './routes/users-routes';
import { xsollaRoutes } from './routes/xsolla-routes';
import { checkoutRoutes } from './routes/checkout-routes';
import { mountShopRoutes } from './routes/shop-routes';
import { unansweredRoutes } from './unanswered-routes';
import { requestFactsOf } from './request-facts';
import { requestIds } from './request-id';
import { requestLog } from './request-log-middleware';

/** The Koa application of the bot API (`/api/v2`), the user panel and the service routes; it listens nowhere by itself. */
export function createHttpApp(deps: HttpDependencies): Koa {
  // Behind one trusted proxy, the client is the last address it added to X-Forwarded-For (earlier ones are hearsay).
  const app = new Koa({ proxy: deps.trustProxy ?? false, maxIpsCount: 1 });
  // By resource, so that the OpenAPI document groups them; a resource without its routes does not compile.
  const resources: Record<ApiResource, AnyEndpoint[]> = {
    Users: usersRoutes(deps),
    Points: pointsRoutes(deps),
    Receipts: receiptsRoutes(deps),
    Items: itemsRoutes(deps),
    Inventory: userItemsRoutes(deps),
    Attendance: attendanceRoutes(deps),
    Checkout: checkoutRoutes(deps),
    Xsolla: xsollaRoutes(deps),
  };
  const endpoints = Object.values(resources).flat();

  const router = new Router();
  const panel = deps.panel ? panelAdmission(deps.panel) : null;
  const mountDeps = {
    authenticateClient: deps.authenticateClient,
    networkCheck: deps.networkCheck,
    xsollaWebhooks: deps.xsollaWebhooks,
    events: deps.events,
    bodyLimitBytes: deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    panel,
    ...(deps.rateLimitPerClient ? { rateLimit: clientRateLimit(deps.rateLimitPerClient) } : {}),
  };
  mountEndpoints(router, endpoints, mountDeps);
  if (panel) mountPanel(app, router, deps, { ...mountDeps, panel });
  mountServiceRoutes(router, deps, () => openApiDocument(resources));
  mountShopRoutes(router, deps);
  if (deps.metrics) mountMetricsRoute(router, deps.metrics);

  app.use(requestIds({ trustProxy: deps.trustProxy ?? false }));
  if (deps.requestLog) app.use(requestLog(deps.requestLog));
  const accessLog = deps.accessLog;
  if (accessLog) app.use(forteAccessLog(accessLog, (ctx) => clientOf(ctx)?.name ?? null));
  if (deps.metrics) app.use(httpDurationHistogram(deps.metrics.registry));
  if (panel) app.use(panelPages(panel));
  app.use(errorBoundary(deps.observer));
  app.use(unansweredRoutes());
  app.use(router.routes());
  app.use(router.allowedMethods());
  // Errors past the boundary (a response stream failing mid-way) reach Koa itself; report those too.
  app.on('error', (error: unknown, ctx: Koa.Context) => deps.observer.fault(error, requestFactsOf(ctx)));
  return app;
}
