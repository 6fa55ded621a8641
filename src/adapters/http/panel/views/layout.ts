import { CSRF_FIELD } from '../panel-admission';
import { html, Html } from './html';
import { PageContext, PanelPage } from './panel-page';
import { LOCALES, PANEL_TEXT } from './panel-text';
import { STYLESHEET_PATH } from './panel-stylesheet';

/** The whole document around a page: the bar (navigation, language, sign-out) and the page's own content. */
export function renderDocument(page: PanelPage, context: PageContext): string {
  const { text, locale } = context;
  return `<!DOCTYPE html>\n${html`<html lang="${locale}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${page.title(text)} · Forte</title>
      <link rel="stylesheet" href="${STYLESHEET_PATH}" />
      <link rel="icon" href="data:," />
    </head>
    <body>
      <header class="bar">
        <a class="brand" href="/panel">${text.panelTitle}</a>
        ${context.csrfToken !== null && navigation(context)}
        <div class="tools">${languageSwitch(context)} ${context.csrfToken !== null && signOutForm(context)}</div>
      </header>
      <main>${page.content(context)}</main>
    </body>
  </html>`}\n`;
}

function navigation({ text, here }: PageContext): Html {
  const link = (path: string, label: string) => {
    const current = here === path || here.startsWith(`${path}?`);
    return html`<a href="${path}" ${current && html` aria-current="page"`}>${label}</a>`;
  };
  return html`<nav>${link('/panel', text.navPoints)}${link('/panel/items', text.navItems)}</nav>`;
}

function languageSwitch({ locale, here }: PageContext): Html[] {
  return LOCALES.filter((other) => other !== locale).map(
    (other) =>
      html`<a href="/panel/language/${other}?return_to=${encodeURIComponent(here)}" lang="${other}"
        >${PANEL_TEXT[other].languageName}</a
      >`,
  );
}

function signOutForm({ text, csrfToken }: PageContext): Html {
  return html`<form method="post" action="/panel/sign-out">
    ${csrfField(csrfToken)}<button class="quiet" type="submit">${text.signOut}</button>
  </form>`;
}

/** The hidden field every panel form carries; a post without it is refused. */
export function csrfField(csrfToken: string | null): Html {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${csrfToken ?? ''}" />`;
}
