import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** A Discord account as `/users/@me` describes it. */
export interface DiscordAccount {
  id: string;
  username: string;
  global_name?: string | null;
}

/** What the emulator saw: every call, for tests that assert what Forte asked of Discord. */
export interface DiscordCall {
  method: string;
  path: string;
  contentType: string | undefined;
  authorization: string | undefined;
  body: string;
}

export interface DiscordEmulator {
  /** `DISCORD_API_URL`: `origin/api/v10`, as Discord's own `https://discord.com/api/v10`. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  calls: DiscordCall[];
  /** The account signed in to Discord in "the browser": the one the authorization page asks to authorize. */
  signInAs(account: DiscordAccount): void;
  /** What the authorization page hands the browser when the account clicks Authorize, without a browser. */
  issueCode(account: DiscordAccount, redirectUri: string): string;
  /** Discord down: every API call answers 502 until set back. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

interface Grant {
  account: DiscordAccount;
  redirectUri: string;
  expiresAt: number;
  used: boolean;
}

const CODE_LIFETIME_MS = 10 * 60 * 1000;

/**
 * A local stand-in for Discord's OAuth2 (authorization-code grant, scope `identify`) speaking its wire format: the
 * authorization page at `/oauth2/authorize` (a form the account's owner approves or cancels, then a 302 to the
 * redirect with `code` and `state`, or `error=access_denied`), the token endpoint at `/api/v10/oauth2/token`
 * (form-encoded only; client by HTTP Basic or in the form; a code works once, for its own redirect, for ten
 * minutes: otherwise 400 `invalid_grant`), and `/api/v10/users/@me` with the access token.
 */
export async function startDiscordEmulator(
  options: { redirectUris?: string[]; clientId?: string; clientSecret?: string } = {},
): Promise<DiscordEmulator> {
  const clientId = options.clientId ?? '1234567890123456789';
  const clientSecret = options.clientSecret ?? 'emulated-client-secret';
  const redirectUris = new Set(options.redirectUris ?? []);
  const grants = new Map<string, Grant>();
  const tokens = new Map<string, DiscordAccount>();
  const calls: DiscordCall[] = [];
  let signedIn: DiscordAccount | null = null;
  let down = false;

  const issueCode = (account: DiscordAccount, redirectUri: string): string => {
    const code = randomBytes(15).toString('base64url');
    grants.set(code, { account, redirectUri, expiresAt: Date.now() + CODE_LIFETIME_MS, used: false });
    return code;
  };

  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const url = new URL(request.url ?? '/', 'http://discord.invalid');
      calls.push({
        method: request.method ?? '',
        path: url.pathname,
        contentType: request.headers['content-type'],
        authorization: request.headers.authorization,
        body,
      });
      if (url.pathname.startsWith('/api/') && down)
        return json(response, 502, { message: '502: Bad Gateway', code: 0 });
      if (url.pathname === '/oauth2/authorize' && request.method === 'GET') return authorizePage(url, response);
      if (url.pathname === '/oauth2/authorize' && request.method === 'POST') return authorize(body, response);
      if (url.pathname === '/api/v10/oauth2/token' && request.method === 'POST') return token(request, body, response);
      if (url.pathname === '/api/v10/users/@me' && request.method === 'GET') return currentUser(request, response);
      return json(response, 404, { message: '404: Not Found', code: 0 });
    });
  });

  /** The consent page: the real one needs a signed-in Discord user, and so does this one. */
  function authorizePage(url: URL, response: ServerResponse): void {
    const query = url.searchParams;
    const redirectUri = query.get('redirect_uri') ?? '';
    if (query.get('client_id') !== clientId) return page(response, 400, 'Unknown application');
    if (!redirectUris.has(redirectUri)) return page(response, 400, 'Invalid OAuth2 redirect_uri');
    if (query.get('response_type') !== 'code') return page(response, 400, 'Invalid response_type');
    if (!(query.get('scope') ?? '').split(' ').includes('identify')) return page(response, 400, 'Invalid scope');
    if (!signedIn) return page(response, 401, 'Log in to Discord first');
    const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escape(value)}">`;
    const fields = hidden('redirect_uri', redirectUri) + hidden('state', query.get('state') ?? '');
    page(
      response,
      200,
      `Authorize access to your account as ${escape(signedIn.username)}`,
      `<form method="post" action="/oauth2/authorize">${fields}
        <button name="decision" value="authorize">Authorize</button>
        <button name="decision" value="cancel">Cancel</button></form>`,
    );
  }

  function authorize(body: string, response: ServerResponse): void {
    const form = new URLSearchParams(body);
    const redirectUri = form.get('redirect_uri') ?? '';
    if (!signedIn || !redirectUris.has(redirectUri)) return page(response, 400, 'Invalid request');
    const back = new URL(redirectUri);
    if (form.get('decision') === 'authorize') {
      back.searchParams.set('code', issueCode(signedIn, redirectUri));
    } else {
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'The resource owner or authorization server denied the request');
    }
    const state = form.get('state');
    if (state) back.searchParams.set('state', state);
    response.writeHead(302, { Location: back.href }).end();
  }

  function token(request: IncomingMessage, body: string, response: ServerResponse): void {
    if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return json(response, 400, { error: 'invalid_request', error_description: 'Unsupported content type' });
    }
    const form = new URLSearchParams(body);
    const [id, secret] = clientCredentials(request, form);
    if (id !== clientId || secret !== clientSecret) return json(response, 401, { error: 'invalid_client' });
    if (form.get('grant_type') !== 'authorization_code')
      return json(response, 400, { error: 'unsupported_grant_type' });
    const grant = grants.get(form.get('code') ?? '');
    if (!grant || grant.used || grant.expiresAt < Date.now()) {
      return json(response, 400, { error: 'invalid_grant', error_description: 'Invalid "code" in request.' });
    }
    if (grant.redirectUri !== form.get('redirect_uri')) {
      return json(response, 400, { error: 'invalid_grant', error_description: 'Invalid "redirect_uri" in request.' });
    }
    grant.used = true;
    const accessToken = randomBytes(20).toString('base64url');
    tokens.set(accessToken, grant.account);
    json(response, 200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 604800,
      refresh_token: randomBytes(20).toString('base64url'),
      scope: 'identify',
    });
  }

  function currentUser(request: IncomingMessage, response: ServerResponse): void {
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    const account = bearer === undefined ? undefined : tokens.get(bearer);
    if (!account) return json(response, 401, { message: '401: Unauthorized', code: 0 });
    json(response, 200, {
      id: account.id,
      username: account.username,
      discriminator: '0',
      global_name: account.global_name ?? null,
      avatar: null,
      public_flags: 0,
      flags: 0,
      banner: null,
      accent_color: null,
      mfa_enabled: false,
      locale: 'ko',
      premium_type: 0,
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${origin}/api/v10`,
    clientId,
    clientSecret,
    calls,
    signInAs: (account) => {
      signedIn = account;
    },
    issueCode,
    setDown: (value) => {
      down = value;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The client's id and secret: HTTP Basic, or `client_id` and `client_secret` in the form (Discord takes both). */
function clientCredentials(request: IncomingMessage, form: URLSearchParams): [string | null, string | null] {
  const basic = /^Basic (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (basic === undefined) return [form.get('client_id'), form.get('client_secret')];
  const decoded = Buffer.from(basic, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? [null, null] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

function page(response: ServerResponse, status: number, title: string, content = ''): void {
  response
    .writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' })
    .end(`<!DOCTYPE html><html><head><title>Discord</title></head><body><h1>${title}</h1>${content}</body></html>`);
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
