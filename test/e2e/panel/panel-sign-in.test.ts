import { usePanelSession } from './panel-session';

const session = usePanelSession();

const cookieNamed = (lines: string[], name: string) => lines.find((line) => line.startsWith(`${name}=`));

describe('the panel: signing in with Discord', () => {
  it("answers a signed-out GET /panel with 302 straight to Discord's authorization page", async () => {
    const visit = await session.visitor().get('/panel');
    expect(visit.status).toBe(302);
    const authorize = new URL(visit.location ?? '');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(
      new URL('/oauth2/authorize', session.panel.discord.apiUrl).href,
    );
    expect(Object.fromEntries(authorize.searchParams)).toEqual({
      client_id: session.panel.discord.clientId,
      response_type: 'code',
      scope: 'identify',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      redirect_uri: session.panel.redirectUri,
    });
    const pending = cookieNamed(visit.setCookies, 'forte_sign_in');
    expect(pending).toMatch(/; path=\/panel/);
    expect(pending).toMatch(/; samesite=lax/);
    expect(pending).toMatch(/; httponly/);
  });

  it('signs a registered user in: the callback starts an HTTP-only session and the panel shows their balance', async () => {
    const member = await session.member(1234, 'lara');
    const visitor = session.visitor();
    const callback = await visitor.signIn(member.account);
    expect(callback.status).toBe(303);
    expect(callback.location).toBe('/panel');
    const cookie = cookieNamed(callback.setCookies, 'forte_session');
    expect(cookie).toMatch(/; path=\/panel; .*samesite=lax; httponly/);
    expect(cookieNamed(callback.setCookies, 'forte_session.sig')).toBeDefined();

    const overview = await visitor.get('/panel');
    expect(overview.status).toBe(200);
    expect(overview.html).toContain('data-balance="1234"');
    expect(overview.html).toContain('1,234 points');
    // What Forte asked of Discord: the code exchanged form-encoded with HTTP Basic, then /users/@me.
    const exchange = session.panel.discord.calls.filter((call) => call.path === '/api/v10/oauth2/token').at(-1);
    expect(exchange).toMatchObject({ method: 'POST', contentType: 'application/x-www-form-urlencoded' });
    expect(exchange?.authorization).toMatch(/^Basic /);
    expect(Object.fromEntries(new URLSearchParams(exchange?.body))).toEqual({
      grant_type: 'authorization_code',
      code: expect.any(String),
      redirect_uri: session.panel.redirectUri,
    });
  });

  it('comes back to the page that was asked for before signing in', async () => {
    const member = await session.member();
    const visitor = session.visitor();
    const asked = await visitor.get('/panel/items');
    const state = new URL(asked.location ?? '').searchParams.get('state') ?? '';
    const callback = await visitor.get(`/panel/callback?code=${visitor.codeFor(member.account)}&state=${state}`);
    expect(callback.location).toBe('/panel/items');
  });

  it('tells a Discord user without a Forte account how to register through a bot, and starts no session', async () => {
    const visitor = session.visitor();
    const callback = await visitor.signIn({ id: '368003617146889999', username: 'stranger' });
    expect(callback.status).toBe(403);
    expect(callback.html).toContain('DISCORD_USER_NOT_REGISTERED');
    expect(callback.html).toContain('sign-up command on your Discord server');
    expect(cookieNamed(callback.setCookies, 'forte_session')).toBeUndefined();
    expect((await visitor.get('/panel')).status).toBe(302);
  });

  it('refuses a forged state without asking Discord, and the browser stays signed out', async () => {
    const member = await session.member(50);
    const visitor = session.visitor();
    await visitor.startSignIn();
    const exchangesBefore = session.panel.discord.calls.filter((call) => call.path.endsWith('/oauth2/token')).length;
    const forged = await visitor.get(`/panel/callback?code=${visitor.codeFor(member.account)}&state=forged-state`);
    expect(forged.status).toBe(400);
    expect(forged.html).toContain('SIGN_IN_STATE_MISMATCH');
    expect(forged.html).toContain('The sign-in could not be verified');
    // Its language switch leads somewhere safe, not back to the spent callback.
    expect(forged.html).toContain('href="/panel/language/ko?return_to=%2Fpanel%2Fsigned-out"');
    expect(session.panel.discord.calls.filter((call) => call.path.endsWith('/oauth2/token')).length).toBe(
      exchangesBefore,
    );
    expect(cookieNamed(forged.setCookies, 'forte_session')).toBeUndefined();
    expect((await visitor.get('/panel')).status).toBe(302);
  });

  it('refuses a callback this browser never started (no pending sign-in at all)', async () => {
    const member = await session.member();
    const visitor = session.visitor();
    const code = visitor.codeFor(member.account);
    const state = await session.visitor().startSignIn(); // someone else's state
    const foreign = await visitor.get(`/panel/callback?code=${code}&state=${state}`);
    expect(foreign.status).toBe(400);
    expect(foreign.html).toContain('SIGN_IN_STATE_MISMATCH');
  });

  it('refuses a replayed code: Discord rejects it, and the second browser stays signed out', async () => {
    const member = await session.member(70);
    const first = session.visitor();
    const firstState = await first.startSignIn();
    const code = first.codeFor(member.account);
    expect((await first.get(`/panel/callback?code=${code}&state=${firstState}`)).status).toBe(303);

    // The same browser replaying its callback URL: its state was spent with the first use.
    const again = await first.get(`/panel/callback?code=${code}&state=${firstState}`);
    expect(again.status).toBe(400);
    expect(again.html).toContain('SIGN_IN_STATE_MISMATCH');

    // Another browser with a state of its own and the stolen code: Discord refuses the code.
    const second = session.visitor();
    const replayed = await second.get(`/panel/callback?code=${code}&state=${await second.startSignIn()}`);
    expect(replayed.status).toBe(400);
    expect(replayed.html).toContain('DISCORD_CODE_REJECTED');
    expect(cookieNamed(replayed.setCookies, 'forte_session')).toBeUndefined();
    expect((await second.get('/panel')).status).toBe(302);
  });

  it('answers a sign-in cancelled on Discord with a page that offers to sign in again', async () => {
    const visitor = session.visitor();
    const state = await visitor.startSignIn();
    const declined = await visitor.get(`/panel/callback?error=access_denied&state=${state}`);
    expect(declined.status).toBe(401);
    expect(declined.html).toContain('DISCORD_SIGN_IN_DECLINED');
    expect(declined.html).toContain('href="/panel/sign-in"');
  });

  it('answers 503 with a clear page while Discord is down, and signs in once it is back', async () => {
    const member = await session.member();
    const visitor = session.visitor();
    const state = await visitor.startSignIn();
    const code = visitor.codeFor(member.account);
    session.panel.discord.setDown(true);
    try {
      const down = await visitor.get(`/panel/callback?code=${code}&state=${state}`);
      expect(down.status).toBe(503);
      expect(down.html).toContain('Discord cannot be reached');
    } finally {
      session.panel.discord.setDown(false);
    }
    expect((await visitor.signIn(member.account)).status).toBe(303);
  });

  it('refuses a tampered session cookie, drops it, and leaves the browser signed out', async () => {
    const member = await session.member(300);
    const other = await session.member(999);
    const visitor = session.visitor();
    await visitor.signIn(member.account);
    const cookie = visitor.cookies.get('forte_session') ?? '';
    const payload = JSON.parse(Buffer.from(cookie, 'base64url').toString('utf8')) as { userId: number };
    visitor.cookies.set(
      'forte_session',
      Buffer.from(JSON.stringify({ ...payload, userId: other.userId })).toString('base64url'),
    );

    const tampered = await visitor.get('/panel');
    expect(tampered.status).toBe(401);
    expect(tampered.html).toContain('SESSION_INVALID');
    expect(tampered.html).not.toContain('data-balance');
    expect(visitor.cookies.has('forte_session')).toBe(false);
    expect((await visitor.get('/panel')).status).toBe(302);
  });

  it('signs out with the CSRF token only, and the session is gone afterwards', async () => {
    const member = await session.member();
    const visitor = session.visitor();
    await visitor.signIn(member.account);
    await visitor.get('/panel');
    expect((await visitor.post('/panel/sign-out', {})).status).toBe(403);
    expect((await visitor.get('/panel')).status).toBe(200);

    const out = await visitor.post('/panel/sign-out');
    expect(out.status).toBe(303);
    expect(out.location).toBe('/panel/signed-out');
    expect(visitor.cookies.has('forte_session')).toBe(false);
    expect((await visitor.get('/panel/signed-out')).html).toContain('You are signed out');
    expect((await visitor.get('/panel')).status).toBe(302);
  });
});
