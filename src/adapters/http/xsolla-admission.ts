import { Context, Middleware } from 'koa';
import { parse } from 'lossless-json';
import { EventSink } from '../../application/ports/event-sink';
import { xsollaTypeLabel, XsollaTypeLabel } from '../../domain/xsolla-notification-types';
import { XsollaWebhookGate } from './http-dependencies';
import { HttpProblem } from './http-problem';
import { jsonBodyOf, parseBodyWith, rawBodyOf, readRawBody } from './parse-json-body';
import { xsollaErrorBody } from './presenters/xsolla-error-presenter';

/** Xsolla sends ids beyond 2^53 and decimal amounts: every JSON number is read as its digits, a string. */
export const parseXsollaJson = (text: string): unknown => parse(text, null, (digits) => digits);

/**
 * Admits a Xsolla webhook: from an allowed network (when configured), signed over the exact bytes received, then
 * read as JSON. Its refusals are answered in Xsolla's terms and announced; a body is read before its signature is
 * checked, and parsed only after.
 */
export function admitXsolla(gate: XsollaWebhookGate, events: EventSink, bodyLimitBytes: number): Middleware[] {
  return [
    answerInXsollaTerms(events),
    checkSource(gate),
    readRawBody(bodyLimitBytes),
    checkSignature(gate),
    parseBodyWith(parseXsollaJson),
  ];
}

/** The codes of Xsolla's error body for the refusals of the shared pipeline. */
const XSOLLA_REFUSALS: Record<string, { status: number; code: string }> = {
  MALFORMED_JSON: { status: 400, code: 'INVALID_PARAMETER' },
  VALIDATION_FAILED: { status: 400, code: 'INVALID_PARAMETER' },
};

function answerInXsollaTerms(events: EventSink): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      // Broken HTTP and 5xx keep the shared boundary's answer: Xsolla only reads the status of those.
      if (!(error instanceof HttpProblem) || error.status >= 500 || error.code === 'MALFORMED_HTTP') throw error;
      const { status, code } = XSOLLA_REFUSALS[error.code] ?? error;
      ctx.status = status;
      ctx.body = xsollaErrorBody(code, messageOf(error));
      events.publish({
        type: 'XsollaNotificationHandled',
        notificationType: refusedType(ctx),
        outcome: 'refused',
        transactionId: null,
        userId: null,
        points: 0,
      });
    }
  };
}

/** A validation failure names its first bad field, so Xsolla's dashboard says what was wrong. */
function messageOf(problem: HttpProblem): string {
  const issues = problem.details?.issues;
  const first = Array.isArray(issues) ? (issues[0] as { path?: unknown; message?: unknown } | undefined) : undefined;
  return first ? `${problem.message} ${String(first.path)}: ${String(first.message)}` : problem.message;
}

function refusedType(ctx: Context): XsollaTypeLabel {
  if (ctx.state.xsollaVerified !== true) return 'unverified';
  const body = jsonBodyOf(ctx);
  const type = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).notification_type : null;
  return typeof type === 'string' ? xsollaTypeLabel(type) : 'other';
}

function checkSource(gate: XsollaWebhookGate): Middleware {
  return async (ctx, next) => {
    if (gate.allowsSource && !gate.allowsSource(ctx.ip)) {
      throw new HttpProblem(401, 'INVALID_CLIENT_IP', `Webhooks are not accepted from ${ctx.ip}.`);
    }
    await next();
  };
}

function checkSignature(gate: XsollaWebhookGate): Middleware {
  return async (ctx, next) => {
    if (!gate.checkSignature) {
      // Not a refusal of the webhook: Xsolla retries a 5xx, so nothing is lost until the secret is configured.
      throw new HttpProblem(503, 'XSOLLA_NOT_CONFIGURED', 'XSOLLA_PROJECT_SECRET is not set; retry later.');
    }
    const check = gate.checkSignature(rawBodyOf(ctx), ctx.get('Authorization'));
    if (check !== 'valid') {
      const why = check === 'missing' ? 'The Authorization header is missing.' : 'The signature does not match.';
      throw new HttpProblem(401, 'INVALID_SIGNATURE', why);
    }
    ctx.state.xsollaVerified = true;
    await next();
  };
}
