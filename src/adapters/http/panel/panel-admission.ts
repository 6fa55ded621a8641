import Keygrip from 'keygrip';
import { Context, Middleware } from 'koa';
import { PanelUser } from '../endpoint';
import { PanelDependencies } from '../http-dependencies';
import { HttpProblem } from '../http-problem';
import { sameSecret } from './constant-time';
import { readRawBody } from '../parse-json-body';
import { formOf } from './form-body';
import { PANEL_PATH, panelReturnPath } from './panel-paths';
import { PanelSessions } from './panel-session';
import { SignInStates } from './sign-in-state';
import { SignedCookies } from './signed-cookie';

/** The name of the hidden field that carries the session's CSRF token in every panel form. */
export const CSRF_FIELD = 'csrf_token';

/** How the panel tells its users apart: their sessions, their pending sign-ins, and Discord's side of it. */
export interface PanelAdmission {
  /** What signs the panel's cookies: the session secret, with HMAC-SHA256 (Koa's default would be SHA-1). */
  cookieKeys: Keygrip;
  sessions: PanelSessions;
  signIns: SignInStates;
  discord: { clientId: string; authorizeUrl: string; redirectUri: string };
  signInWithDiscord: PanelDependencies['signInWithDiscord'];
}

export function panelAdmission(panel: PanelDependencies): PanelAdmission {
  const cookies = new SignedCookies(panel.publicUrl.startsWith('https:'));
  return {
    cookieKeys: new Keygrip([panel.sessionSecret], 'sha256'),
    sessions: new PanelSessions(cookies, () => panel.clock.now()),
    signIns: new SignInStates(cookies),
    discord: {
      clientId: panel.discordClientId,
      authorizeUrl: panel.discordAuthorizeUrl,
      redirectUri: `${panel.publicUrl}${PANEL_PATH}/callback`,
    },
    signInWithDiscord: panel.signInWithDiscord,
  };
}

/**
 * Admits the signed-in user of a panel endpoint. Signed out, a page is answered with Discord's authorization page
 * (302) and a form post with 401; a session that is altered or expired is dropped and answered 401. A form post
 * must carry the session's CSRF token, or it is refused (403) before its endpoint runs.
 */
export function admitPanelUser(admission: PanelAdmission, bodyLimitBytes: number): Middleware[] {
  return [
    async (ctx, next) => {
      const session = admission.sessions.read(ctx);
      if (session.state === 'absent' && isReading(ctx)) return beginSignIn(ctx, admission, ctx.originalUrl);
      if (session.state === 'absent') throw new HttpProblem(401, 'SIGNED_OUT', 'Sign in to the panel first.');
      if (session.state === 'invalid') {
        admission.sessions.end(ctx);
        throw new HttpProblem(401, 'SESSION_INVALID', 'The panel session was altered or has expired; sign in again.');
      }
      ctx.state.panelUser = session.value;
      await next();
    },
    readRawBody(bodyLimitBytes),
    async (ctx, next) => {
      const token = isReading(ctx) ? null : formOf(ctx).get(CSRF_FIELD);
      if (!isReading(ctx) && (token === null || !sameSecret(panelUserOf(ctx).csrfToken, token))) {
        throw new HttpProblem(403, 'CSRF_TOKEN_INVALID', "The form did not carry this session's CSRF token.");
      }
      await next();
    },
  ];
}

const isReading = (ctx: Context): boolean => ctx.method === 'GET' || ctx.method === 'HEAD';

/** Sends the browser to Discord's authorization page with a fresh `state`, to come back to `returnTo`. */
export function beginSignIn(ctx: Context, admission: PanelAdmission, returnTo: string): void {
  const state = admission.signIns.begin(ctx, panelReturnPath(returnTo));
  const authorize = new URL(admission.discord.authorizeUrl);
  authorize.search = new URLSearchParams({
    client_id: admission.discord.clientId,
    response_type: 'code',
    scope: 'identify',
    state,
    redirect_uri: admission.discord.redirectUri,
  }).toString();
  ctx.redirect(authorize.href);
}

/** The user a panel endpoint's admission let in, or null on a page that needs none. */
export function signedInUserOf(ctx: Context): PanelUser | null {
  const user: unknown = ctx.state.panelUser;
  return (user as PanelUser | undefined) ?? null;
}

/** The admitted user of a panel endpoint; its absence is a wiring bug, hence a plain Error. */
export function panelUserOf(ctx: Context): PanelUser {
  const user = signedInUserOf(ctx);
  if (!user) throw new Error(`${ctx.method} ${ctx.path} runs without the panel admission`);
  return user;
}
