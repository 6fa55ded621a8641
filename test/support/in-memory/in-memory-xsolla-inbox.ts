import { XsollaDelivery, XsollaInbox, XsollaOutcome } from '../../../src/application/ports/xsolla-inbox';
import { InMemoryState } from './in-memory-state';

export class InMemoryXsollaInbox implements XsollaInbox {
  constructor(private readonly state: InMemoryState) {}

  record(delivery: XsollaDelivery): Promise<number> {
    this.state.lastIds.xsollaNotification += 1;
    const id = this.state.lastIds.xsollaNotification;
    this.state.xsollaNotifications.set(id, { id, ...structuredClone(delivery), outcome: null, handledAt: null });
    return Promise.resolve(id);
  }

  settle(id: number, outcome: XsollaOutcome, at: Date): Promise<void> {
    const stored = this.state.xsollaNotifications.get(id);
    if (!stored) return Promise.reject(new Error(`Cannot settle Xsolla notification ${id}: no such row`));
    this.state.xsollaNotifications.set(id, { ...stored, outcome, handledAt: at });
    return Promise.resolve();
  }
}
