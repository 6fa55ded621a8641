import { Context, Middleware } from 'koa';
import { ErrorBody } from '../error-body';
import { PanelUser } from '../endpoint';
import { PanelAdmission, signedInUserOf } from './panel-admission';
import { localeOf } from './panel-language';
import { isPanelPath } from './panel-paths';
import { renderDocument } from './views/layout';
import { PageContext, PanelPage, PanelRedirect } from './views/panel-page';
import { PANEL_TEXT } from './views/panel-text';
import { problemPage } from './views/problem-page';

/**
 * Scripts are not needed anywhere, styles and images come from Forte only, and no other site may frame a page
 * (a withdraw button under someone else's overlay).
 */
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // The callback's URL holds Discord's code: it must not travel on to the next site as a Referer.
  'Referrer-Policy': 'no-referrer',
};

/**
 * The panel's page layer, around everything under `/panel` (outside the error boundary, so that it sees every
 * answer): pages and redirects of the panel's endpoints, and every error body (a refusal, a failure, a 404, a 503)
 * become HTML in the user's language.
 */
export function panelPages(admission: PanelAdmission): Middleware {
  return async (ctx, next) => {
    if (!isPanelPath(ctx.path)) return next();
    await next();
    ctx.set(SECURITY_HEADERS);
    const body: unknown = ctx.body;
    if (body instanceof PanelRedirect) {
      ctx.redirect(body.location);
    } else if (body instanceof PanelPage) {
      render(ctx, body, admission);
    } else if (isErrorBody(body)) {
      render(ctx, problemPage(body), admission);
    }
  };
}

function render(ctx: Context, page: PanelPage, admission: PanelAdmission): void {
  const locale = localeOf(ctx);
  const user = signedInUser(ctx, admission);
  // The language switch comes back here: to the page itself, but never to a refusal (a spent callback, a post).
  const shown = ctx.method === 'GET' && ctx.status < 400;
  const context: PageContext = {
    text: PANEL_TEXT[locale],
    locale,
    csrfToken: user?.csrfToken ?? null,
    here: shown ? ctx.originalUrl : user ? '/panel' : '/panel/signed-out',
  };
  const status = ctx.status;
  ctx.type = 'html';
  ctx.body = renderDocument(page, context);
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.vary('Accept-Language');
}

/** Who is signed in: as admitted, or (on a page no admission guards, such as a refused callback) by the session. */
function signedInUser(ctx: Context, admission: PanelAdmission): PanelUser | null {
  const admitted = signedInUserOf(ctx);
  if (admitted) return admitted;
  const session = admission.sessions.read(ctx);
  return session.state === 'valid' ? session.value : null;
}

function isErrorBody(body: unknown): body is ErrorBody {
  const error: unknown = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}
