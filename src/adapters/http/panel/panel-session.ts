import { randomBytes } from 'node:crypto';
import { Context } from 'koa';
import { z } from 'zod';
import { PanelUser } from '../endpoint';
import { CookieKind, CookieRead, SignedCookies } from './signed-cookie';

const SESSION_HOURS = 12;

/** The session names the Forte user and carries its forms' CSRF token; the expiry inside is what counts. */
const SESSION: CookieKind<z.ZodType<PanelUser & { expiresAt: number }>> = {
  name: 'forte_session',
  schema: z.strictObject({
    userId: z.number().int().positive(),
    csrfToken: z.string().min(32),
    expiresAt: z.number().int(),
  }),
  maxAgeMs: SESSION_HOURS * 60 * 60 * 1000,
};

/** The panel's sign-in sessions: stateless, in a signed cookie, so every process of a cluster knows them. */
export class PanelSessions {
  constructor(
    private readonly cookies: SignedCookies,
    private readonly now: () => Date,
  ) {}

  start(ctx: Context, userId: number): void {
    const csrfToken = randomBytes(32).toString('base64url');
    this.cookies.write(ctx, SESSION, { userId, csrfToken, expiresAt: this.now().getTime() + SESSION.maxAgeMs });
  }

  /** An expired session reads `invalid`, as a tampered one does: the browser must not stretch it. */
  read(ctx: Context): CookieRead<PanelUser> {
    const session = this.cookies.read(ctx, SESSION);
    if (session.state !== 'valid') return session;
    const { userId, csrfToken, expiresAt } = session.value;
    return expiresAt > this.now().getTime() ? { state: 'valid', value: { userId, csrfToken } } : { state: 'invalid' };
  }

  end(ctx: Context): void {
    this.cookies.clear(ctx, SESSION);
  }
}
