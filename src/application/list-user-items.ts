import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { isActive } from '../domain/user';
import { asOf, UserItem } from '../domain/user-item';
import { Page, pageOf, pageStart } from './page-cursor';
import { Clock } from './ports/clock';
import { UnitOfWork } from './ports/unit-of-work';

/** A user's inventory, newest first, each status as of now (an item past its expiry reads expired). */
export class ListUserItems {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(input: {
    userId: number;
    limit: number;
    cursor?: string;
  }): Promise<Result<Page<UserItem>, FailureOf<'UserNotFound' | 'InvalidCursor'>>> {
    return this.uow.read(async (reads) => {
      const start = pageStart(input.cursor);
      if (!start.ok) return start;
      if (!isActive(await reads.users.findById(input.userId))) return fail({ type: 'UserNotFound' as const });
      const page = await reads.userItems.listByUser(input.userId, { limit: input.limit, beforeId: start.value });
      const now = this.clock.now();
      return ok(
        pageOf(
          page.userItems.map((userItem) => asOf(userItem, now)),
          page.more,
        ),
      );
    });
  }
}
