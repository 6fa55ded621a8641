import { Middleware } from 'koa';
import { mayUse } from '../../domain/client';
import { Scope } from '../../domain/scope';
import { authenticatedClient } from './authenticate';
import { HttpProblem } from './http-problem';

/** Answers 403 unless the authenticated client holds the route's scope. */
export function requireScope(scope: Scope): Middleware {
  return async (ctx, next) => {
    if (!mayUse(authenticatedClient(ctx), scope)) {
      throw new HttpProblem(403, 'FORBIDDEN', `This client token lacks the scope "${scope}".`, { scope });
    }
    await next();
  };
}
