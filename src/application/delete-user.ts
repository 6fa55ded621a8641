import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { isActive } from '../domain/user';
import { Clock } from './ports/clock';
import { UnitOfWork } from './ports/unit-of-work';

/** Soft delete: the user and its ledger stay, the Discord id stays taken, every answer becomes 404. */
export class DeleteUser {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(input: { id: number }): Promise<Result<null, FailureOf<'UserNotFound'>>> {
    return this.uow.run(async (tx) => {
      const user = await tx.users.lockById(input.id);
      if (!isActive(user)) return fail({ type: 'UserNotFound' });
      const now = this.clock.now();
      await tx.users.save({ ...user, deletedAt: now, updatedAt: now });
      return ok(null);
    });
  }
}
