import { isExpired } from '../domain/checkout-link';
import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { Clock } from './ports/clock';
import { UnitOfWork } from './ports/unit-of-work';

export type OpenCheckoutLinkFailure = FailureOf<'CheckoutLinkNotFound' | 'CheckoutLinkExpired'>;

/** Someone follows a short link: the Pay Station page it leads to, while the link is valid. */
export class OpenCheckoutLink {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: { code: string }): Promise<Result<{ url: string }, OpenCheckoutLinkFailure>> {
    const link = await this.uow.read((reads) => reads.checkoutLinks.findByCode(input.code));
    if (!link) return fail({ type: 'CheckoutLinkNotFound' });
    if (isExpired(link, this.clock.now())) return fail({ type: 'CheckoutLinkExpired' });
    return ok({ url: link.url });
  }
}
