import Router from '@koa/router';
import Koa from 'koa';
import { HttpDependencies } from '../http-dependencies';
import { mountEndpoints, MountDeps } from '../mount-endpoints';
import { PanelAdmission } from './panel-admission';
import { mountLanguageSwitch } from './panel-language';
import { panelRoutes } from './panel-routes';
import { mountSignInRoutes } from './sign-in-routes';
import { STYLESHEET_PATH, stylesheet } from './views/panel-stylesheet';

/**
 * Every route of the panel (its pages and forms, the sign-in around them, the language switch, the stylesheet), and
 * the key the app's signed cookies, the panel's only ones, are signed with.
 */
export function mountPanel(
  app: Koa,
  router: Router,
  deps: HttpDependencies,
  mountDeps: MountDeps & { panel: PanelAdmission },
): void {
  app.keys = mountDeps.panel.cookieKeys;
  mountEndpoints(router, panelRoutes(deps), mountDeps, '');
  mountSignInRoutes(router, mountDeps.panel, mountDeps.bodyLimitBytes);
  mountLanguageSwitch(router);
  router.get(STYLESHEET_PATH, (ctx) => {
    ctx.type = 'text/css';
    ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    ctx.body = stylesheet();
  });
}
