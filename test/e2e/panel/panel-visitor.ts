import { DiscordAccount } from '../../support/discord-emulator';
import { PanelApp } from '../../support/panel-app';

export interface Visit {
  status: number;
  location: string | null;
  html: string;
  /** The raw `Set-Cookie` lines of the answer. */
  setCookies: string[];
}

/**
 * A browser without a browser: keeps its cookies (as a browser keeps them for the panel's path) and follows no
 * redirect, so a test sees every answer of the sign-in dance.
 */
export class PanelVisitor {
  readonly cookies = new Map<string, string>();

  constructor(private readonly panel: PanelApp) {}

  get(path: string): Promise<Visit> {
    return this.visit('GET', path);
  }

  /** A form post; the session's CSRF token unless `form` says otherwise. */
  post(path: string, form: Record<string, string> = { csrf_token: this.csrfToken() }): Promise<Visit> {
    return this.visit('POST', path, new URLSearchParams(form).toString());
  }

  /** Signs in as `account` the way a browser does: /panel, Discord's page, the callback; answers the callback. */
  async signIn(account: DiscordAccount): Promise<Visit> {
    const state = await this.startSignIn();
    return this.get(`/panel/callback?${new URLSearchParams({ code: this.codeFor(account), state })}`);
  }

  /** Asks for the panel signed out and answers the `state` that Forte sent to Discord. */
  async startSignIn(): Promise<string> {
    const started = await this.get('/panel/sign-in');
    if (started.status !== 302 || !started.location) throw new Error(`no redirect to Discord: ${started.status}`);
    const state = new URL(started.location).searchParams.get('state');
    if (!state) throw new Error('no state in the authorization URL');
    return state;
  }

  /** A code as Discord's authorization page would hand it to this browser for `account`. */
  codeFor(account: DiscordAccount): string {
    return this.panel.discord.issueCode(account, this.panel.redirectUri);
  }

  /** The CSRF token the session's pages carry in their forms. */
  csrfToken(): string {
    if (!this.lastHtml) throw new Error('no page seen yet');
    const token = /name="csrf_token" value="([^"]+)"/.exec(this.lastHtml)?.[1];
    if (!token) throw new Error('the last page has no form');
    return token;
  }

  private lastHtml = '';

  private async visit(method: string, path: string, body?: string): Promise<Visit> {
    const response = await fetch(`${this.panel.origin}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        Cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        'Accept-Language': 'en',
        ...(body === undefined ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' }),
      },
      body,
    });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) this.keep(line);
    const html = await response.text();
    if (html.includes('<!DOCTYPE html>')) this.lastHtml = html;
    return { status: response.status, location: response.headers.get('location'), html, setCookies };
  }

  private keep(line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    const expired = attributes.some((attribute) => /^\s*expires=Thu, 01 Jan 1970/i.test(attribute));
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}
