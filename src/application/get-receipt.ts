import { FailureOf } from '../domain/failure';
import { Receipt } from '../domain/receipt';
import { fail, ok, Result } from '../domain/result';
import { isActive } from '../domain/user';
import { UnitOfWork } from './ports/unit-of-work';

export class GetReceipt {
  constructor(private readonly uow: UnitOfWork) {}

  execute(input: {
    userId: number;
    receiptId: number;
  }): Promise<Result<Receipt, FailureOf<'UserNotFound' | 'ReceiptNotFound'>>> {
    return this.uow.read(async (reads) => {
      if (!isActive(await reads.users.findById(input.userId))) return fail({ type: 'UserNotFound' as const });
      const receipt = await reads.receipts.findById(input.userId, input.receiptId);
      return receipt ? ok(receipt) : fail({ type: 'ReceiptNotFound' as const });
    });
  }
}
