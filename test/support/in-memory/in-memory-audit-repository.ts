import {
  AuditCursor,
  AuditedReceipt,
  AuditedUserItem,
  AuditRepository,
} from '../../../src/application/ports/audit-repository';
import { InMemoryState } from './in-memory-state';

const after = (cursor: AuditCursor) => (receipt: AuditedReceipt) =>
  receipt.userId > cursor.userId || (receipt.userId === cursor.userId && receipt.id > cursor.id);

export class InMemoryAuditRepository implements AuditRepository {
  constructor(private readonly state: InMemoryState) {}

  totals(): Promise<{ users: number; userItems: number }> {
    return Promise.resolve({ users: this.state.users.size, userItems: this.state.userItems.size });
  }

  users(afterId: number, limit: number): Promise<{ id: number; points: number }[]> {
    const users = [...this.state.users.values()].filter((user) => user.id > afterId).sort((a, b) => a.id - b.id);
    return Promise.resolve(users.slice(0, limit).map(({ id, points }) => ({ id, points })));
  }

  receipts(cursor: AuditCursor, limit: number): Promise<AuditedReceipt[]> {
    const receipts = this.state.receipts.filter(after(cursor)).sort((a, b) => a.userId - b.userId || a.id - b.id);
    return Promise.resolve(structuredClone(receipts.slice(0, limit)));
  }

  userItems(afterId: number, limit: number): Promise<AuditedUserItem[]> {
    const items = [...this.state.userItems.values()].filter((item) => item.id > afterId).sort((a, b) => a.id - b.id);
    return Promise.resolve(
      items.slice(0, limit).map((item) => {
        const receipt = this.state.receipts.find((candidate) => candidate.id === item.receiptId);
        return {
          ...item,
          receipt: receipt ? { userId: receipt.userId, kind: receipt.kind, delta: receipt.delta } : null,
        };
      }),
    );
  }
}
