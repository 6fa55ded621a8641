import {
  balanceViolations,
  ReceiptInChain,
  receiptViolations,
  userItemViolations,
  Violation,
} from '../domain/ledger-invariants';
import { AuditedReceipt, AuditRepository } from './ports/audit-repository';
import { EventSink, LedgerAuditFailed } from './ports/event-sink';
import { UnitOfWork } from './ports/unit-of-work';

/** What an audit looked at and what it found; `violations` lists at most `VIOLATIONS_LISTED`, `found` counts all. */
export interface AuditReport {
  ok: boolean;
  checked: { users: number; receipts: number; userItems: number };
  found: number;
  violations: Violation[];
}

export const VIOLATIONS_LISTED = 1000;

/** Users an announcement of a failed audit names at most. */
const USERS_ANNOUNCED = 20;

/** How far the audit has come, against how much there is, for a progress bar. */
export type AuditProgress = (checked: AuditReport['checked'], totals: { users: number; userItems: number }) => void;

/**
 * `forte-cli audit`: checks every invariant of the ledger over the whole database, in batches, in one consistent
 * snapshot (a server writing meanwhile cannot make a balance look wrong). Users and their receipts are walked in
 * the same order and merged, so memory stays bounded however long a user's ledger is. A failed audit is announced
 * (`LedgerAuditFailed`), for the ops channel.
 */
export class AuditLedger {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: EventSink,
    private readonly batchSize = 1000,
  ) {}

  async execute(onProgress: AuditProgress = () => undefined): Promise<AuditReport> {
    const report = await this.uow.read((reads) => this.audit(reads.audit, onProgress), { snapshot: true });
    if (!report.ok) this.events.publish(announcement(report));
    return report;
  }

  private async audit(source: AuditRepository, onProgress: AuditProgress): Promise<AuditReport> {
    const report: AuditReport = {
      ok: true,
      checked: { users: 0, receipts: 0, userItems: 0 },
      found: 0,
      violations: [],
    };
    const note = (violations: Violation[]): void => {
      report.found += violations.length;
      report.violations.push(...violations.slice(0, VIOLATIONS_LISTED - report.violations.length));
    };
    const totals = await source.totals();
    const receipts = new ReceiptStream(source, this.batchSize);
    for (let afterId = 0; ;) {
      const users = await source.users(afterId, this.batchSize);
      if (users.length === 0) break;
      for (const user of users) {
        let sum = 0;
        let last: ReceiptInChain | null = null;
        for (let receipt = await receipts.nextOf(user.id); receipt; receipt = await receipts.nextOf(user.id)) {
          note(receiptViolations(receipt, last?.balanceAfter ?? 0));
          sum += receipt.delta;
          last = receipt;
          report.checked.receipts += 1;
        }
        note(balanceViolations(user, sum, last));
      }
      report.checked.users += users.length;
      afterId = users[users.length - 1]!.id;
      onProgress(report.checked, totals);
    }
    for (let afterId = 0; ;) {
      const items = await source.userItems(afterId, this.batchSize);
      if (items.length === 0) break;
      for (const item of items) note(userItemViolations(item));
      report.checked.userItems += items.length;
      afterId = items[items.length - 1]!.id;
      onProgress(report.checked, totals);
    }
    report.ok = report.found === 0;
    return report;
  }
}

function announcement(report: AuditReport): LedgerAuditFailed {
  const counts: Record<string, number> = {};
  for (const violation of report.violations) counts[violation.invariant] = (counts[violation.invariant] ?? 0) + 1;
  const userIds = [...new Set(report.violations.map((violation) => violation.userId))].slice(0, USERS_ANNOUNCED);
  return { type: 'LedgerAuditFailed', found: report.found, counts, userIds };
}

/** Receipts in (user, id) order, read a batch at a time and handed out user by user. */
class ReceiptStream {
  private batch: AuditedReceipt[] = [];
  private next = 0;
  private exhausted = false;

  constructor(
    private readonly source: AuditRepository,
    private readonly batchSize: number,
  ) {}

  /** The next receipt of `userId`, or null once its receipts are done (receipts of no user cannot exist: a key). */
  async nextOf(userId: number): Promise<AuditedReceipt | null> {
    if (this.next === this.batch.length && !this.exhausted) await this.refill();
    const receipt = this.batch[this.next];
    if (!receipt || receipt.userId !== userId) return null;
    this.next += 1;
    return receipt;
  }

  private async refill(): Promise<void> {
    const last = this.batch[this.batch.length - 1];
    this.batch = await this.source.receipts({ userId: last?.userId ?? 0, id: last?.id ?? 0 }, this.batchSize);
    this.next = 0;
    this.exhausted = this.batch.length < this.batchSize;
  }
}
