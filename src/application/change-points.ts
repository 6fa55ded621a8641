import { FailureOf } from '../domain/failure';
import { BalanceFailure, changeBalance } from '../domain/points';
import { Receipt } from '../domain/receipt';
import { fail, ok, Result } from '../domain/result';
import { isActive } from '../domain/user';
import { IdempotencyFailure, runIdempotently } from './idempotently';
import { postToLedger } from './post-to-ledger';
import { Clock } from './ports/clock';
import { EventSink } from './ports/event-sink';
import { IdempotentRequest } from './ports/idempotency-repository';
import { Transaction, UnitOfWork } from './ports/unit-of-work';

export const DEFAULT_GRANT_REASON = 'bot grant';

export interface ChangePointsInput {
  userId: number;
  /** Positive grants, negative deducts. */
  points: number;
  reason?: string;
  /** Who asks: `client:<name>` or `cli`. */
  source: string;
  idempotency?: IdempotentRequest;
}

export interface PointsChanged {
  receipt: Receipt;
  points: number;
}

export type ChangePointsFailure = FailureOf<'UserNotFound'> | BalanceFailure | IdempotencyFailure;

/** A bot or an operator grants or deducts points: lock the user, decide, write balance and receipt together. */
export class ChangePoints {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventSink,
  ) {}

  execute(input: ChangePointsInput): Promise<Result<PointsChanged, ChangePointsFailure>> {
    return runIdempotently(this.uow, this.clock, this.events, input.idempotency, (tx, now) =>
      this.change(tx, now, input),
    );
  }

  private async change(
    tx: Transaction,
    now: Date,
    input: ChangePointsInput,
  ): Promise<Result<PointsChanged, ChangePointsFailure>> {
    const user = await tx.users.lockById(input.userId);
    if (!isActive(user)) return fail({ type: 'UserNotFound' });
    const decided = changeBalance(user, {
      kind: 'grant',
      delta: input.points,
      reason: input.reason ?? DEFAULT_GRANT_REASON,
      source: input.source,
      externalRef: input.idempotency?.key ?? null,
      at: now,
    });
    if (!decided.ok) return decided;
    const receipt = await postToLedger(tx, this.events, decided.value.receipt);
    return ok({ receipt, points: decided.value.user.points });
  }
}
