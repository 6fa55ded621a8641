import { CheckoutLink } from '../../domain/checkout-link';

/** The short links to Pay Station pages. */
export interface CheckoutLinkRepository {
  insert(link: CheckoutLink): Promise<void>;
  findByCode(code: string): Promise<CheckoutLink | null>;
}
