import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { isActive, User } from '../domain/user';
import { Clock } from './ports/clock';
import { UnitOfWork } from './ports/unit-of-work';

export interface UpdateUserInput {
  id: number;
  name?: string;
  email?: string | null;
}

export class UpdateUser {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(input: UpdateUserInput): Promise<Result<User, FailureOf<'UserNotFound'>>> {
    return this.uow.run(async (tx) => {
      const user = await tx.users.lockById(input.id);
      if (!isActive(user)) return fail({ type: 'UserNotFound' });
      const updated: User = {
        ...user,
        name: input.name ?? user.name,
        email: input.email === undefined ? user.email : input.email,
        updatedAt: this.clock.now(),
      };
      await tx.users.save(updated);
      return ok(updated);
    });
  }
}
