import { Item } from '../domain/item';
import { UnitOfWork } from './ports/unit-of-work';

/** The whole catalogue, unsellable items included, for operators. */
export class ListItems {
  constructor(private readonly uow: UnitOfWork) {}

  execute(): Promise<Item[]> {
    return this.uow.read((reads) => reads.items.listAll());
  }
}
