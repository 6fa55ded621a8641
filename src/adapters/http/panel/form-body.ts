import { Context } from 'koa';
import { HttpProblem } from '../http-problem';
import { rawBodyOf } from '../parse-json-body';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A browser form's fields (`application/x-www-form-urlencoded`, read by `readRawBody`), the panel's only body. */
export function formOf(ctx: Context): URLSearchParams {
  const raw = rawBodyOf(ctx);
  if (raw.length > 0 && !ctx.is('application/x-www-form-urlencoded')) {
    throw new HttpProblem(415, 'UNSUPPORTED_MEDIA_TYPE', 'The panel takes HTML form posts only.');
  }
  try {
    return new URLSearchParams(utf8.decode(raw));
  } catch {
    throw new HttpProblem(400, 'MALFORMED_FORM', 'The form is not valid UTF-8.');
  }
}
