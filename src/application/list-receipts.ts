import { FailureOf } from '../domain/failure';
import { Receipt } from '../domain/receipt';
import { fail, ok, Result } from '../domain/result';
import { isActive } from '../domain/user';
import { Page, pageOf, pageStart } from './page-cursor';
import { UnitOfWork } from './ports/unit-of-work';

export class ListReceipts {
  constructor(private readonly uow: UnitOfWork) {}

  execute(input: {
    userId: number;
    limit: number;
    cursor?: string;
  }): Promise<Result<Page<Receipt>, FailureOf<'UserNotFound' | 'InvalidCursor'>>> {
    return this.uow.read(async (reads) => {
      const start = pageStart(input.cursor);
      if (!start.ok) return start;
      if (!isActive(await reads.users.findById(input.userId))) return fail({ type: 'UserNotFound' as const });
      const page = await reads.receipts.listByUser(input.userId, { limit: input.limit, beforeId: start.value });
      return ok(pageOf(page.receipts, page.more));
    });
  }
}
