import { CheckoutLinkRepository } from '../../../src/application/ports/checkout-link-repository';
import { CheckoutLink } from '../../../src/domain/checkout-link';
import { copyOrNull } from './copy-or-null';
import { InMemoryState } from './in-memory-state';

export class InMemoryCheckoutLinkRepository implements CheckoutLinkRepository {
  constructor(private readonly state: InMemoryState) {}

  insert(link: CheckoutLink): Promise<void> {
    if (this.state.checkoutLinks.has(link.code)) return Promise.reject(new Error(`Link ${link.code} exists (key)`));
    if (!this.state.users.has(link.userId)) return Promise.reject(new Error(`No user ${link.userId} (foreign key)`));
    this.state.checkoutLinks.set(link.code, structuredClone(link));
    return Promise.resolve();
  }

  findByCode(code: string): Promise<CheckoutLink | null> {
    return Promise.resolve(copyOrNull(this.state.checkoutLinks.get(code)));
  }
}
