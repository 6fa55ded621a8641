import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import Router from '@koa/router';
import { errorBody } from '../error-body';
import { HttpDependencies } from '../http-dependencies';
import { DOCUMENTATION_ASSETS, DOCUMENTATION_PATH, documentationPage } from '../openapi/documentation-page';

export const OPENAPI_PATH = '/api/openapi.json';

const SWAGGER_UI_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));

/**
 * The routes that need no token: liveness, readiness, the OpenAPI document and the page that renders it. The
 * document is generated when it is first asked for, not at start: generating it takes some 35 ms.
 */
export function mountServiceRoutes(
  router: Router,
  deps: Pick<HttpDependencies, 'isReady'>,
  openApi: () => object,
): void {
  let document: object | undefined;
  const page = documentationPage(OPENAPI_PATH);

  router.get('/health', (ctx) => {
    ctx.body = { status: 'ok' };
  });

  router.get('/ready', async (ctx) => {
    // A failing probe is the answer itself, not a fault to report: the database being down is what it detects.
    const ready = await deps.isReady().catch(() => false);
    ctx.status = ready ? 200 : 503;
    ctx.body = ready
      ? { status: 'ready', database: 'up' }
      : errorBody('NOT_READY', 'The database is not reachable.', { database: 'unreachable' });
  });

  router.get(OPENAPI_PATH, (ctx) => {
    ctx.body = document ??= openApi();
  });

  router.get(DOCUMENTATION_PATH, (ctx) => {
    ctx.type = 'html';
    ctx.body = page;
  });

  // Only the listed files: the name never reaches the file system unless it is one of them.
  router.get(`${DOCUMENTATION_PATH}/:asset`, async (ctx, next) => {
    const asset = DOCUMENTATION_ASSETS.find((name) => name === ctx.params.asset);
    if (!asset) return next();
    const file = join(SWAGGER_UI_DIR, asset);
    ctx.type = extname(file);
    ctx.length = (await stat(file)).size;
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = createReadStream(file);
  });
}
