import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { isActive } from '../domain/user';
import { asOf, UserItem } from '../domain/user-item';
import { Page, pageOf, pageStart } from './page-cursor';
import { Clock } from './ports/clock';
import { Reads, UnitOfWork } from './ports/unit-of-work';

export interface UserItemsQuery {
  userId: number;
  limit: number;
  cursor?: string;
}

export type UserItemsPage = Result<Page<UserItem>, FailureOf<'UserNotFound' | 'InvalidCursor'>>;

/** A user's inventory, newest first, each status as of now (an item past its expiry reads expired). */
export class ListUserItems {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(input: UserItemsQuery): Promise<UserItemsPage> {
    return this.uow.read((reads) => readUserItemsPage(reads, input, this.clock.now()));
  }
}

/** One page of the inventory with each status as of `now`, inside a read that may look up more. */
export async function readUserItemsPage(reads: Reads, query: UserItemsQuery, now: Date): Promise<UserItemsPage> {
  const start = pageStart(query.cursor);
  if (!start.ok) return start;
  if (!isActive(await reads.users.findById(query.userId))) return fail({ type: 'UserNotFound' as const });
  const page = await reads.userItems.listByUser(query.userId, { limit: query.limit, beforeId: start.value });
  return ok(
    pageOf(
      page.userItems.map((userItem) => asOf(userItem, now)),
      page.more,
    ),
  );
}
