import { Context, Middleware } from 'koa';
import getRawBody from 'raw-body';
import { HttpProblem } from './http-problem';

/** What a body failed on, as raw-body names it. */
const READ_PROBLEMS: Record<string, (limitBytes: number) => HttpProblem> = {
  'entity.too.large': (limitBytes) =>
    new HttpProblem(413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${limitBytes} bytes.`, { limitBytes }),
  'request.size.invalid': () =>
    new HttpProblem(400, 'MALFORMED_HTTP', 'The body is not as long as its Content-Length says.'),
  'request.aborted': () =>
    new HttpProblem(400, 'MALFORMED_HTTP', 'The client closed the request before its body ended.'),
  // The connection broke (or its framing failed) before the route came to read the body.
  'stream.not.readable': () => new HttpProblem(400, 'MALFORMED_HTTP', 'The connection ended before the body was read.'),
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads the body as raw bytes (kept for signatures computed over them) and parses it as JSON whatever its
 * Content-Type (the API speaks nothing else, and some bots omit it), up to `limitBytes`. JSON.parse keeps a
 * `"__proto__"` key as a plain own field, which validation then refuses like any unknown field; nothing reaches
 * a prototype. An unreadable body answers 400, 413 or 415 instead of reaching the route.
 */
export const parseJsonBody = (limitBytes: number): Middleware[] => [readRawBody(limitBytes), parseBodyWith(JSON.parse)];

/** Reads the body's bytes, up to `limitBytes`, for `rawBodyOf`; an unreadable body answers 400, 413 or 415. */
export function readRawBody(limitBytes: number): Middleware {
  return async (ctx, next) => {
    ctx.state.rawBody = await readBody(ctx, limitBytes);
    await next();
  };
}

/** Parses the bytes `readRawBody` read, as UTF-8 JSON, with `parse`; not JSON answers 400 MALFORMED_JSON. */
export function parseBodyWith(parse: (text: string) => unknown): Middleware {
  return async (ctx, next) => {
    const raw = rawBodyOf(ctx);
    ctx.state.jsonBody = raw.length === 0 ? {} : parseJson(raw, parse);
    await next();
  };
}

/** The parsed body; an empty body counts as `{}` so that a route whose fields are all optional accepts it. */
export function jsonBodyOf(ctx: Context): unknown {
  return ctx.state.jsonBody;
}

/** The body's bytes exactly as they arrived. */
export function rawBodyOf(ctx: Context): Buffer {
  const raw: unknown = ctx.state.rawBody;
  if (!Buffer.isBuffer(raw)) throw new Error(`${ctx.method} ${ctx.path} reads a body without parseJsonBody`);
  return raw;
}

async function readBody(ctx: Context, limitBytes: number): Promise<Buffer> {
  const encoding = ctx.get('Content-Encoding');
  if (encoding !== '' && encoding.toLowerCase() !== 'identity') {
    throw new HttpProblem(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Encoding ${encoding} is not accepted.`);
  }
  try {
    return await getRawBody(ctx.req, { length: ctx.get('Content-Length') || undefined, limit: limitBytes });
  } catch (error) {
    const problem = READ_PROBLEMS[String((error as { type?: unknown }).type)];
    if (problem) throw problem(limitBytes);
    throw error;
  }
}

function parseJson(raw: Buffer, parse: (text: string) => unknown): unknown {
  try {
    return parse(utf8.decode(raw));
  } catch {
    throw new HttpProblem(400, 'MALFORMED_JSON', 'The body is not valid JSON.');
  }
}
