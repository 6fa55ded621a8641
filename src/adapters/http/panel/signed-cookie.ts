import { Context } from 'koa';
import { z } from 'zod';

/** One of the panel's cookies: its name, what its value holds, and how long the browser keeps it. */
export interface CookieKind<S extends z.ZodType> {
  name: string;
  schema: S;
  maxAgeMs: number;
}

export type CookieRead<T> = { state: 'absent' } | { state: 'invalid' } | { state: 'valid'; value: T };

/**
 * The panel's cookies: JSON signed with SESSION_SECRET (Koa's `app.keys`, HMAC-SHA256), HTTP-only, SameSite=Lax (sent
 * on the top-level return from Discord, never on another site's form post), only for `/panel`, and Secure when the
 * panel's public address is https even if TLS ends at a proxy in front of Forte.
 */
export class SignedCookies {
  constructor(private readonly secure: boolean) {}

  write<S extends z.ZodType>(ctx: Context, kind: CookieKind<S>, value: z.output<S>): void {
    this.set(ctx, kind, Buffer.from(JSON.stringify(value), 'utf8').toString('base64url'), kind.maxAgeMs);
  }

  clear(ctx: Context, kind: CookieKind<z.ZodType>): void {
    this.set(ctx, kind, null, 0);
  }

  /** `invalid` when the cookie is there but its signature, encoding or content is not what Forte wrote. */
  read<S extends z.ZodType>(ctx: Context, kind: CookieKind<S>): CookieRead<z.output<S>> {
    if (ctx.cookies.get(kind.name, { signed: false }) === undefined) return { state: 'absent' };
    const signed = ctx.cookies.get(kind.name, { signed: true });
    if (signed === undefined) return { state: 'invalid' };
    const parsed = kind.schema.safeParse(decode(signed));
    return parsed.success ? { state: 'valid', value: parsed.data } : { state: 'invalid' };
  }

  private set(ctx: Context, kind: CookieKind<z.ZodType>, value: string | null, maxAgeMs: number): void {
    if (this.secure) ctx.cookies.secure = true;
    ctx.cookies.set(kind.name, value, {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secure,
      path: '/panel',
      overwrite: true,
      ...(value === null ? {} : { maxAge: maxAgeMs }),
    });
  }
}

function decode(value: string): unknown {
  try {
    return JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
