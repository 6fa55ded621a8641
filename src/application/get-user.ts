import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { isActive, User } from '../domain/user';
import { UnitOfWork } from './ports/unit-of-work';

export type UserLookup = { id: number } | { discordId: string };

export class GetUser {
  constructor(private readonly uow: UnitOfWork) {}

  execute(lookup: UserLookup): Promise<Result<User, FailureOf<'UserNotFound'>>> {
    return this.uow.read(async (reads) => {
      const user =
        'id' in lookup ? await reads.users.findById(lookup.id) : await reads.users.findByDiscordId(lookup.discordId);
      return isActive(user) ? ok(user) : fail({ type: 'UserNotFound' });
    });
  }
}
