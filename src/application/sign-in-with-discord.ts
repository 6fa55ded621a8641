import { isDiscordId } from '../domain/discord-id';
import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { isActive, User } from '../domain/user';
import { DiscordIdentity } from './ports/discord-identity';
import { UnitOfWork } from './ports/unit-of-work';

export type SignInWithDiscordFailure = FailureOf<
  'DiscordCodeRejected' | 'DiscordUnavailable' | 'DiscordUserNotRegistered'
>;

/** The panel's sign-in: the Forte user whose Discord account authorized the code, as a bot registered it. */
export class SignInWithDiscord {
  constructor(
    private readonly discord: DiscordIdentity,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(input: { code: string; redirectUri: string }): Promise<Result<User, SignInWithDiscordFailure>> {
    const account = await this.discord.identify(input.code, input.redirectUri);
    if (!account.ok) return account;
    const { discordId } = account.value;
    // Discord's ids are snowflakes; anything else cannot name a Forte user and is not worth a query.
    if (!isDiscordId(discordId)) return fail({ type: 'DiscordUserNotRegistered' });
    const user = await this.uow.read((reads) => reads.users.findByDiscordId(discordId));
    return isActive(user) ? ok(user) : fail({ type: 'DiscordUserNotRegistered' });
  }
}
