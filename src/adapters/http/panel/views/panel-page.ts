import { Html } from './html';
import { Locale, PanelText } from './panel-text';

/** What a page is rendered with, known only once the request is: its language and its session. */
export interface PageContext {
  text: PanelText;
  locale: Locale;
  /** The signed-in user's CSRF token, for every form on the page; null when nobody is signed in. */
  csrfToken: string | null;
  /** The request's own path and query, for the language switch to come back to. */
  here: string;
}

/** A page of the panel, as an endpoint answers it; the panel's page layer renders it into the layout. */
export class PanelPage {
  constructor(
    readonly title: (text: PanelText) => string,
    readonly content: (context: PageContext) => Html,
  ) {}
}

/** Sends the browser on: 303 after a form post, so that reloading the page that follows posts nothing again. */
export class PanelRedirect {
  constructor(readonly location: string) {}
}
