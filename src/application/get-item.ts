import { FailureOf } from '../domain/failure';
import { Item } from '../domain/item';
import { fail, ok, Result } from '../domain/result';
import { UnitOfWork } from './ports/unit-of-work';

/**
 * One item by id, sellable or not: a bot showing an inventory needs the item of every user item, including one
 * that is no longer on sale (its `sellable` flag says so; buying it is refused with ITEM_NOT_SELLABLE).
 */
export class GetItem {
  constructor(private readonly uow: UnitOfWork) {}

  execute(input: { id: number }): Promise<Result<Item, FailureOf<'ItemNotFound'>>> {
    return this.uow.read(async (reads) => {
      const item = await reads.items.findById(input.id);
      return item ? ok(item) : fail({ type: 'ItemNotFound' as const });
    });
  }
}
