import { FailureOf } from '../domain/failure';
import { Receipt } from '../domain/receipt';
import { fail, ok, Result } from '../domain/result';
import { isActive } from '../domain/user';
import { decodeCursor, encodeCursor } from './page-cursor';
import { UnitOfWork } from './ports/unit-of-work';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export class ListReceipts {
  constructor(private readonly uow: UnitOfWork) {}

  execute(input: {
    userId: number;
    limit: number;
    cursor?: string;
  }): Promise<Result<Page<Receipt>, FailureOf<'UserNotFound' | 'InvalidCursor'>>> {
    return this.uow.run(async (tx) => {
      const beforeId = input.cursor === undefined ? null : decodeCursor(input.cursor);
      if (beforeId === null && input.cursor !== undefined) return fail({ type: 'InvalidCursor' as const });
      if (!isActive(await tx.users.findById(input.userId))) return fail({ type: 'UserNotFound' as const });
      const page = await tx.receipts.listByUser(input.userId, { limit: input.limit, beforeId });
      const last = page.receipts[page.receipts.length - 1];
      return ok({ data: page.receipts, nextCursor: page.more && last ? encodeCursor(last.id) : null });
    });
  }
}
