import { randomBytes } from 'node:crypto';
import { Context } from 'koa';
import { z } from 'zod';
import { sameSecret } from './constant-time';
import { CookieKind, SignedCookies } from './signed-cookie';

/** What the browser keeps while it is away at Discord: the `state` sent there, and where to come back to. */
interface PendingSignIn {
  state: string;
  returnTo: string;
}

const PENDING: CookieKind<z.ZodType<PendingSignIn>> = {
  name: 'forte_sign_in',
  schema: z.strictObject({ state: z.string().min(32), returnTo: z.string() }),
  maxAgeMs: 10 * 60 * 1000,
};

/**
 * OAuth2's `state`: a fresh random value per sign-in, kept in this browser's signed cookie and compared with what
 * Discord sends back, so a callback that this browser did not start (login CSRF, a forged or replayed link) fails.
 */
export class SignInStates {
  constructor(private readonly cookies: SignedCookies) {}

  begin(ctx: Context, returnTo: string): string {
    const state = randomBytes(32).toString('base64url');
    this.cookies.write(ctx, PENDING, { state, returnTo });
    return state;
  }

  /** Where to return when `state` is this browser's pending one, else null; either way the pending one is spent. */
  finish(ctx: Context, state: string | undefined): string | null {
    const pending = this.cookies.read(ctx, PENDING);
    this.cookies.clear(ctx, PENDING);
    if (pending.state !== 'valid' || state === undefined) return null;
    return sameSecret(pending.value.state, state) ? pending.value.returnTo : null;
  }
}
