import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { User } from '../domain/user';
import { Clock } from './ports/clock';
import { UnitOfWork } from './ports/unit-of-work';

export interface RegisterUserInput {
  discordId: string;
  name: string;
  email: string | null;
}

export class RegisterUser {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(input: RegisterUserInput): Promise<Result<User, FailureOf<'DiscordIdTaken'>>> {
    return this.uow.run(async (tx) => {
      const user = await tx.users.insert({ ...input, createdAt: this.clock.now() });
      return user === 'discord_id_taken' ? fail({ type: 'DiscordIdTaken' }) : ok(user);
    });
  }
}
