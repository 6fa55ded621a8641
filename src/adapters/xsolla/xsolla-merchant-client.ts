import {
  XsollaBalances,
  XsollaCallFailure,
  XsollaCheckout,
  XsollaWallet,
  PayStationUser,
} from '../../application/ports/xsolla-merchant';
import { fail, ok, Result } from '../../domain/result';
import { wholePointsOf } from '../../domain/xsolla-notification';

/** What the client needs to call Xsolla's merchant API for one project. */
export interface XsollaMerchantSettings {
  apiUrl: string;
  merchantId: string;
  projectId: string;
  apiKey: string;
  sandbox: boolean;
  timeoutMs: number;
}

/** Token creation is safe to repeat: tried this many times in all, with a short pause between. */
const TOKEN_ATTEMPTS = 3;
const TOKEN_RETRY_PAUSE_MS = 200;

/** Reads are safe to repeat: tried this many times in all, pausing longer each time (or as Xsolla's 429 says). */
const READ_ATTEMPTS = 4;
const READ_RETRY_PAUSE_MS = 250;
/** The longest `Retry-After` honoured; a longer one fails the read. */
const MAX_RETRY_AFTER_MS = 60_000;

/** The transactions search's query (XSOLLA.md): days `YYYY-MM-DD`, a page by `limit` and `offset`. */
export interface TransactionSearch {
  from: string;
  to: string;
  limit: number;
  offset: number;
}

type Answer = { status: number; json: unknown; retryAfterMs?: number };

/**
 * Xsolla's merchant API over HTTP (Node's fetch, Basic auth, a timeout per call). A timeout, a network failure or
 * a 5xx is `XsollaUnavailable`; a 4xx is `XsollaRejected` with Xsolla's own message. Only token creation is retried.
 */
export class XsollaMerchantClient implements XsollaCheckout, XsollaWallet, XsollaBalances {
  private readonly authorization: string;

  constructor(private readonly settings: XsollaMerchantSettings) {
    this.authorization = `Basic ${Buffer.from(`${settings.merchantId}:${settings.apiKey}`).toString('base64')}`;
  }

  async createPayStationToken(
    user: PayStationUser,
  ): Promise<Result<{ token: string; url: string }, XsollaCallFailure>> {
    const { merchantId, projectId, sandbox } = this.settings;
    const body = {
      user: {
        id: { value: user.id },
        name: { value: user.name },
        ...(user.email === null ? {} : { email: { value: user.email } }),
      },
      settings: { project_id: Number(projectId), ...(sandbox ? { mode: 'sandbox' } : {}) },
    };
    let answer: Result<Answer, XsollaCallFailure> = fail({ type: 'XsollaUnavailable', reason: 'not tried' });
    for (let attempt = 1; attempt <= TOKEN_ATTEMPTS; attempt += 1) {
      answer = await this.call('POST', `/merchant/v2/merchants/${encodeURIComponent(merchantId)}/token`, body);
      if (answer.ok || answer.failure.type !== 'XsollaUnavailable') break;
      if (attempt < TOKEN_ATTEMPTS) await pause(TOKEN_RETRY_PAUSE_MS * attempt);
    }
    if (!answer.ok) return answer;
    const token = (answer.value.json as { token?: unknown } | null)?.token;
    if (typeof token !== 'string' || token === '') return unreadable('a token');
    const host = sandbox ? 'https://sandbox-secure.xsolla.com' : 'https://secure.xsolla.com';
    return ok({ token, url: `${host}/paystation4/?token=${encodeURIComponent(token)}` });
  }

  async recharge(
    userId: string,
    amount: number,
    comment: string,
  ): Promise<Result<{ balance: number }, XsollaCallFailure>> {
    const path = `/merchant/v2/projects/${encodeURIComponent(this.settings.projectId)}/users/${encodeURIComponent(userId)}/recharge`;
    const answer = await this.call('POST', path, { amount, comment });
    if (!answer.ok) return answer;
    const balance = wholeNumber((answer.value.json as { amount?: unknown } | null)?.amount);
    return balance === null ? unreadable('a balance') : ok({ balance });
  }

  /** One page of the transactions search (`search.json`): the entries as Xsolla sent them. */
  async searchTransactions(search: TransactionSearch): Promise<Result<unknown[], XsollaCallFailure>> {
    const { merchantId, projectId } = this.settings;
    const query = new URLSearchParams({
      datetime_from: search.from,
      datetime_to: search.to,
      project_id: projectId,
      limit: String(search.limit),
      offset: String(search.offset),
    });
    const answer = await this.read(
      `/merchant/v2/merchants/${encodeURIComponent(merchantId)}/reports/transactions/search.json?${query}`,
    );
    if (!answer.ok) return answer;
    return Array.isArray(answer.value.json) ? ok(answer.value.json) : unreadable('list of transactions');
  }

  /** Xsolla's copy of a user's wallet: `virtual_currency_balance.value` of the wallet user. */
  async balanceOf(userId: string): Promise<Result<{ balance: number }, XsollaCallFailure>> {
    const path = `/merchant/v2/projects/${encodeURIComponent(this.settings.projectId)}/users/${encodeURIComponent(userId)}`;
    const answer = await this.read(path);
    if (!answer.ok) return answer;
    const wallet = answer.value.json as { virtual_currency_balance?: { value?: unknown } } | null;
    const balance = wholeNumber(wallet?.virtual_currency_balance?.value);
    return balance === null ? unreadable('a balance') : ok({ balance });
  }

  /** A GET, retried while Xsolla is unavailable or asks to slow down (429, after its `Retry-After`). */
  private async read(path: string): Promise<Result<Answer, XsollaCallFailure>> {
    let answer: Result<Answer, XsollaCallFailure> = fail({ type: 'XsollaUnavailable', reason: 'not tried' });
    for (let attempt = 1; attempt <= READ_ATTEMPTS; attempt += 1) {
      answer = await this.call('GET', path, undefined);
      if (answer.ok && answer.value.retryAfterMs === undefined) return answer;
      if (!answer.ok && answer.failure.type !== 'XsollaUnavailable') return answer;
      const wait = answer.ok ? answer.value.retryAfterMs : READ_RETRY_PAUSE_MS * 2 ** (attempt - 1);
      if (wait === undefined || wait > MAX_RETRY_AFTER_MS) break;
      if (attempt < READ_ATTEMPTS) await pause(wait);
    }
    if (answer.ok) return fail({ type: 'XsollaUnavailable', reason: 'Xsolla kept answering 429 (too many requests)' });
    return fail({
      type: 'XsollaUnavailable',
      reason: `${answer.failure.type === 'XsollaUnavailable' ? answer.failure.reason : ''} (after ${READ_ATTEMPTS} attempts)`,
    });
  }

  private async call(method: string, path: string, body: unknown): Promise<Result<Answer, XsollaCallFailure>> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.settings.apiUrl), {
        method,
        headers: { authorization: this.authorization, 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      return fail({ type: 'XsollaUnavailable', reason: describeFetchError(error, this.settings.timeoutMs) });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      return fail({ type: 'XsollaUnavailable', reason: describeFetchError(error, this.settings.timeoutMs) });
    }
    const json = parsed(text);
    if (response.status === 429) {
      return ok({ status: 429, json, retryAfterMs: retryAfterMsOf(response.headers.get('retry-after')) });
    }
    if (response.status >= 500)
      return fail({ type: 'XsollaUnavailable', reason: `Xsolla answered ${response.status}` });
    if (response.status >= 400) {
      return fail({ type: 'XsollaRejected', reason: `Xsolla answered ${response.status}: ${messageOf(json, text)}` });
    }
    return ok({ status: response.status, json });
  }
}

/** `Retry-After` in seconds (or an HTTP date); a second when it says nothing usable. */
function retryAfterMsOf(header: string | null): number {
  const seconds = Number(header);
  if (header !== null && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = header === null ? NaN : Date.parse(header);
  return Number.isNaN(at) ? 1000 : Math.max(0, at - Date.now());
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const unreadable = (what: string) =>
  fail({ type: 'XsollaUnavailable' as const, reason: `Xsolla's answer held no ${what}` });

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Xsolla's error bodies say what went wrong in `extended_message` or `message` (sometimes nested in `error`). */
function messageOf(json: unknown, text: string): string {
  const body = (json ?? {}) as { extended_message?: unknown; message?: unknown; error?: { message?: unknown } };
  const message = body.extended_message ?? body.message ?? body.error?.message;
  const said = typeof message === 'string' ? message : JSON.stringify(message ?? text);
  return said.slice(0, 200);
}

/** A balance answered as a number or as a decimal string. */
const wholeNumber = (value: unknown): number | null =>
  typeof value === 'number' || typeof value === 'string' ? wholePointsOf(String(value)) : null;

function describeFetchError(error: unknown, timeoutMs: number): string {
  // A DOMException, which is not always an Error of this realm: told by its name.
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  return `network error${code ? ` ${code}` : ''}`;
}
