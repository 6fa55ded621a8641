import { FailureOf } from '../domain/failure';
import { Item } from '../domain/item';
import { ok, Result } from '../domain/result';
import { Page, pageOf, pageStart } from './page-cursor';
import { UnitOfWork } from './ports/unit-of-work';

/** The store as bots show it: sellable items only, newest first. */
export class ListSellableItems {
  constructor(private readonly uow: UnitOfWork) {}

  execute(input: { limit: number; cursor?: string }): Promise<Result<Page<Item>, FailureOf<'InvalidCursor'>>> {
    return this.uow.read(async (reads) => {
      const start = pageStart(input.cursor);
      if (!start.ok) return start;
      const page = await reads.items.listSellable({ limit: input.limit, beforeId: start.value });
      return ok(pageOf(page.items, page.more));
    });
  }
}
