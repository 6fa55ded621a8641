import { bodyParser } from '@koa/bodyparser';
import { Context, Middleware } from 'koa';
import { HttpProblem } from './http-problem';

/**
 * Reads the body as JSON whatever its Content-Type (the API speaks nothing else, and some bots omit it), up to
 * `limitBytes`; an unreadable body answers 400 or 413 instead of reaching the route.
 */
export function parseJsonBody(limitBytes: number): Middleware {
  return bodyParser({
    enableTypes: ['json'],
    detectJSON: () => true,
    // Non-strict, so that a JSON scalar parses and is refused as a wrong type (422) rather than as bad JSON.
    jsonStrict: false,
    jsonLimit: limitBytes,
    onError: (error) => {
      throw bodyProblem(error, limitBytes);
    },
  });
}

/** The parsed body; an empty body counts as `{}` so that a route whose fields are all optional accepts it. */
export function jsonBodyOf(ctx: Context): unknown {
  return ctx.request.rawBody === '' ? {} : ctx.request.body;
}

function bodyProblem(error: Error, limitBytes: number): HttpProblem {
  const status = (error as { status?: unknown }).status;
  if (status === 413) {
    return new HttpProblem(413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${limitBytes} bytes.`, { limitBytes });
  }
  if (status === 415) return new HttpProblem(415, 'UNSUPPORTED_MEDIA_TYPE', error.message);
  return new HttpProblem(400, 'MALFORMED_JSON', 'The body is not valid JSON.');
}
