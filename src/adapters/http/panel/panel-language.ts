import Router from '@koa/router';
import { Context } from 'koa';
import { PANEL_PATH, panelReturnPath } from './panel-paths';
import { Locale, LOCALES } from './views/panel-text';

const LANGUAGE_COOKIE = 'forte_lang';

const isLocale = (value: unknown): value is Locale => LOCALES.some((locale) => locale === value);

/** The language chosen with the switch, else the browser's preference between Korean and English, else Korean. */
export function localeOf(ctx: Context): Locale {
  const chosen = ctx.cookies.get(LANGUAGE_COOKIE, { signed: false });
  if (isLocale(chosen)) return chosen;
  const preferred: unknown = ctx.acceptsLanguages(...LOCALES);
  return isLocale(preferred) ? preferred : 'ko';
}

/** `GET /panel/language/{ko|en}?return_to=…`: remembers the choice for a year and goes back to the page. */
export function mountLanguageSwitch(router: Router): void {
  router.get(`${PANEL_PATH}/language/:locale`, (ctx, next) => {
    const { locale } = ctx.params;
    if (!isLocale(locale)) return next();
    // Not a secret and read by no script: a plain cookie, like the choice it records.
    ctx.cookies.set(LANGUAGE_COOKIE, locale, {
      signed: false,
      httpOnly: true,
      sameSite: 'lax',
      path: PANEL_PATH,
      maxAge: 365 * 24 * 60 * 60 * 1000,
    });
    const returnTo = ctx.query.return_to;
    ctx.status = 303;
    ctx.redirect(panelReturnPath(typeof returnTo === 'string' ? returnTo : undefined));
  });
}
