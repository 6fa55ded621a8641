import { Repositories, Transaction, UnitOfWork } from './unit-of-work';

/**
 * `UnitOfWork.runAfter` for an adapter that cannot send `first` with the transaction's first statements: `first` is
 * committed on its own, then `work` runs with its answer.
 */
export async function runAfterInTurn<F, T>(
  uow: UnitOfWork,
  first: (tx: Repositories) => Promise<F>,
  work: (tx: Transaction, first: Promise<F>) => Promise<T>,
): Promise<T> {
  const answer = await uow.run(first, { oneStatement: true });
  return uow.run((tx) => work(tx, Promise.resolve(answer)));
}
