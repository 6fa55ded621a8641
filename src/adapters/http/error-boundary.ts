import { Middleware } from 'koa';
import { errorBody } from './error-body';
import { HttpDependencies } from './http-dependencies';
import { HttpProblem } from './http-problem';

/**
 * Turns every thrown error into the error body: a refusal keeps its status and code; anything else is a fault
 * of Forte, reported and answered 500 with a generic message (never the error itself, which may leak internals).
 */
export function errorBoundary(reportError: HttpDependencies['reportError']): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (error instanceof HttpProblem) {
        ctx.status = error.status;
        ctx.body = errorBody(error.code, error.message, error.details);
        return;
      }
      reportError(error, ctx);
      ctx.status = 500;
      ctx.body = errorBody('INTERNAL_ERROR', 'Something went wrong on our side; it has been reported.');
    }
  };
}
