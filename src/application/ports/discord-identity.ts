import { FailureOf } from '../../domain/failure';
import { Result } from '../../domain/result';

/** A Discord account as Discord's OAuth2 describes it to Forte (scope `identify`). */
export interface DiscordAccount {
  /** The snowflake, as a string. */
  discordId: string;
  username: string;
}

/** Discord's OAuth2 authorization-code grant, seen from Forte's side. */
export interface DiscordIdentity {
  /**
   * Exchanges the code Discord handed the user's browser for the account that authorized it. `redirectUri` must be
   * the one the authorization asked for. A code works once: Discord refuses it on a second exchange.
   */
  identify(
    code: string,
    redirectUri: string,
  ): Promise<Result<DiscordAccount, FailureOf<'DiscordCodeRejected' | 'DiscordUnavailable'>>>;
}
