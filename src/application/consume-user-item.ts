import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { isActive } from '../domain/user';
import { consume, UserItem } from '../domain/user-item';
import { Clock } from './ports/clock';
import { UnitOfWork } from './ports/unit-of-work';

export type ConsumeUserItemFailure = FailureOf<'UserNotFound' | 'UserItemNotFound' | 'UserItemNotActive'>;

/** A bot marks an item used. Locks the user first, in the order a withdrawal locks, so the two serialise. */
export class ConsumeUserItem {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(input: { userId: number; userItemId: number }): Promise<Result<UserItem, ConsumeUserItemFailure>> {
    return this.uow.run(async (tx): Promise<Result<UserItem, ConsumeUserItemFailure>> => {
      if (!isActive(await tx.users.lockById(input.userId))) return fail({ type: 'UserNotFound' });
      const userItem = await tx.userItems.lockById(input.userId, input.userItemId);
      if (!userItem) return fail({ type: 'UserItemNotFound' });
      // The answer to a PUT may be lost: repeating it on an item it already consumed answers the same item.
      if (userItem.status === 'consumed') return ok(userItem);
      const consumed = consume(userItem, this.clock.now());
      if (!consumed.ok) return consumed;
      await tx.userItems.save(consumed.value);
      return ok(consumed.value);
    });
  }
}
