import { z } from 'zod';
import { DiscordAccount, DiscordIdentity } from '../../application/ports/discord-identity';
import { FailureOf } from '../../domain/failure';
import { fail, ok, Result } from '../../domain/result';

export interface DiscordOAuthSettings {
  /** `https://discord.com/api/v10`, or a local emulator's. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  /** How long one call to Discord may take before Discord counts as unavailable. */
  timeoutMs?: number;
}

type Refusal = FailureOf<'DiscordCodeRejected' | 'DiscordUnavailable'>;

const TokenAnswer = z.object({ access_token: z.string().min(1), token_type: z.string() });
const OAuthError = z.object({ error: z.string() });
const CurrentUser = z.object({ id: z.string(), username: z.string() });

/**
 * Discord's authorization-code grant: the code is exchanged at `/oauth2/token` (form-encoded, the client
 * authenticated with HTTP Basic), then `/users/@me` names the account. Nothing is retried: a code works once, so
 * a second exchange after a lost answer would only be refused.
 */
export class DiscordOAuthClient implements DiscordIdentity {
  private readonly apiUrl: string;

  constructor(private readonly settings: DiscordOAuthSettings) {
    this.apiUrl = settings.apiUrl.replace(/\/+$/, '');
  }

  async identify(code: string, redirectUri: string): Promise<Result<DiscordAccount, Refusal>> {
    const token = await this.exchange(code, redirectUri);
    if (!token.ok) return token;
    const answer = await this.call('/users/@me', { headers: { Authorization: `Bearer ${token.value}` } });
    if (!answer.ok) return answer;
    if (answer.value.status !== 200) throw await unexpected('/users/@me', answer.value);
    const user = CurrentUser.parse(await answer.value.json());
    return ok({ discordId: user.id, username: user.username });
  }

  private async exchange(code: string, redirectUri: string): Promise<Result<string, Refusal>> {
    const credentials = Buffer.from(`${this.settings.clientId}:${this.settings.clientSecret}`).toString('base64');
    const answer = await this.call('/oauth2/token', {
      method: 'POST',
      headers: { Authorization: `Basic ${credentials}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }).toString(),
    });
    if (!answer.ok) return answer;
    const response = answer.value;
    if (response.status === 200) return ok(TokenAnswer.parse(await response.json()).access_token);
    // invalid_grant: the code was used, expired, or issued for another redirect. Anything else (invalid_client, a
    // refused request) means Forte is misconfigured or speaks wrongly: a fault, not the user's doing.
    const error =
      response.status === 400
        ? OAuthError.safeParse(
            await response
              .clone()
              .json()
              .catch(() => null),
          )
        : null;
    if (error?.success && error.data.error === 'invalid_grant') return fail({ type: 'DiscordCodeRejected' });
    throw await unexpected('/oauth2/token', response);
  }

  /** One call; Discord unreachable, slow, rate-limiting or failing on its side counts as unavailable. */
  private async call(path: string, init: RequestInit): Promise<Result<Response, Refusal>> {
    let response: Response;
    try {
      response = await fetch(`${this.apiUrl}${path}`, {
        ...init,
        headers: { Accept: 'application/json', ...init.headers },
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000),
      });
    } catch {
      return fail({ type: 'DiscordUnavailable' });
    }
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      return fail({ type: 'DiscordUnavailable' });
    }
    return ok(response);
  }
}

async function unexpected(path: string, response: Response): Promise<Error> {
  const body = (await response.text().catch(() => '')).slice(0, 200);
  return new Error(`Discord answered ${path} with ${response.status}: ${body}`);
}
