import { CHECKOUT_LINK_TTL_MS, CheckoutLink } from '../domain/checkout-link';
import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { isActive } from '../domain/user';
import { Clock } from './ports/clock';
import { LinkCodes } from './ports/link-codes';
import { UnitOfWork } from './ports/unit-of-work';
import { XsollaCallFailure, XsollaCheckout } from './ports/xsolla-merchant';

/** A Pay Station token, its page, and a short link to the page for a chat message. */
export interface Checkout {
  token: string;
  url: string;
  shortUrl: string;
  shortUrlExpiresAt: Date;
}

export type CreateCheckoutFailure = FailureOf<'UserNotFound'> | XsollaCallFailure;

/**
 * A bot sends its user to buy points: Xsolla makes a Pay Station token for the user (known to Xsolla by Forte's id),
 * and Forte keeps a short link to its page under `publicUrl/shops/{code}`.
 */
export class CreateCheckout {
  private readonly shopsUrl: string;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly checkout: XsollaCheckout,
    private readonly codes: LinkCodes,
    private readonly clock: Clock,
    publicUrl: string,
  ) {
    this.shopsUrl = `${publicUrl.replace(/\/+$/, '')}/shops`;
  }

  async execute(input: { userId: number }): Promise<Result<Checkout, CreateCheckoutFailure>> {
    const user = await this.uow.read((reads) => reads.users.findById(input.userId));
    if (!isActive(user)) return fail({ type: 'UserNotFound' });
    const created = await this.checkout.createPayStationToken({
      id: String(user.id),
      name: user.name,
      email: user.email,
    });
    if (!created.ok) return created;
    const now = this.clock.now();
    const link: CheckoutLink = {
      code: this.codes.next(),
      userId: user.id,
      url: created.value.url,
      expiresAt: new Date(now.getTime() + CHECKOUT_LINK_TTL_MS),
      createdAt: now,
    };
    await this.uow.run((tx) => tx.checkoutLinks.insert(link));
    return ok({ ...created.value, shortUrl: `${this.shopsUrl}/${link.code}`, shortUrlExpiresAt: link.expiresAt });
  }
}
