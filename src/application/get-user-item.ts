import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { isActive } from '../domain/user';
import { asOf, UserItem } from '../domain/user-item';
import { Clock } from './ports/clock';
import { UnitOfWork } from './ports/unit-of-work';

/** One entry of a user's inventory, its status as of now. */
export class GetUserItem {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(input: {
    userId: number;
    userItemId: number;
  }): Promise<Result<UserItem, FailureOf<'UserNotFound' | 'UserItemNotFound'>>> {
    return this.uow.read(async (reads) => {
      if (!isActive(await reads.users.findById(input.userId))) return fail({ type: 'UserNotFound' as const });
      const userItem = await reads.userItems.findById(input.userId, input.userItemId);
      return userItem ? ok(asOf(userItem, this.clock.now())) : fail({ type: 'UserItemNotFound' as const });
    });
  }
}
