import { noAttendance } from '../domain/attendance';
import { Box, openBox } from '../domain/box';
import { FailureOf } from '../domain/failure';
import { creditBalance } from '../domain/points';
import { Receipt } from '../domain/receipt';
import { fail, ok, Result } from '../domain/result';
import { isActive } from '../domain/user';
import { IdempotencyFailure, runIdempotently } from './idempotently';
import { postToLedger } from './post-to-ledger';
import { Clock } from './ports/clock';
import { EventSink } from './ports/event-sink';
import { IdempotentRequest } from './ports/idempotency-repository';
import { RandomSource } from './ports/random-source';
import { Transaction, UnitOfWork } from './ports/unit-of-work';

export interface OpenBoxInput {
  discordId: string;
  box: Box;
  /** Premium users pay fewer keys for silver and gold. */
  premium: boolean;
  /** Who asks: `client:<name>`. */
  source: string;
  idempotency?: IdempotentRequest;
}

export interface OpenedBox {
  /** The prize drawn, credited to the user's balance. */
  prize: number;
  keyCount: number;
  receipt: Receipt;
  points: number;
}

export type OpenBoxFailure = FailureOf<'UserNotFound' | 'NotEnoughKeys' | 'BalanceOutOfRange'> | IdempotencyFailure;

/** Spends keys on a box and credits its prize with an `attendance_box` receipt, in one transaction. */
export class OpenBox {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly random: RandomSource,
    private readonly events: EventSink,
  ) {}

  execute(input: OpenBoxInput): Promise<Result<OpenedBox, OpenBoxFailure>> {
    return runIdempotently(this.uow, this.clock, this.events, input.idempotency, (tx, now) =>
      this.open(tx, now, input),
    );
  }

  private async open(tx: Transaction, now: Date, input: OpenBoxInput): Promise<Result<OpenedBox, OpenBoxFailure>> {
    // The user row first, as check-in locks it, so the two never wait on each other in opposite orders.
    const user = await tx.users.lockByDiscordId(input.discordId);
    if (!isActive(user)) return fail({ type: 'UserNotFound' });
    const attendance = (await tx.attendances.lockByDiscordId(input.discordId)) ?? noAttendance(input.discordId);
    const opened = openBox(attendance, input.box, input.premium, this.random.next());
    if (!opened.ok) return opened;
    const credited = creditBalance(user, {
      kind: 'attendance_box',
      delta: opened.value.points,
      reason: `${input.box} box${input.premium ? ' (premium)' : ''}`,
      source: input.source,
      externalRef: input.idempotency?.key ?? null,
      at: now,
    });
    if (!credited.ok) return credited;
    await tx.attendances.save(opened.value.attendance, now);
    const receipt = await postToLedger(tx, this.events, credited.value.receipt);
    return ok({
      prize: opened.value.points,
      keyCount: opened.value.attendance.keyCount,
      receipt,
      points: credited.value.user.points,
    });
  }
}
