import { CreateCheckout } from '../../../src/application/create-checkout';
import { OpenCheckoutLink } from '../../../src/application/open-checkout-link';
import { DeleteUser } from '../../../src/application/delete-user';
import { PayStationUser, XsollaCallFailure, XsollaCheckout } from '../../../src/application/ports/xsolla-merchant';
import { CHECKOUT_LINK_TTL_MS } from '../../../src/domain/checkout-link';
import { fail, ok, Result } from '../../../src/domain/result';
import { openStore, StoreFixture } from './store-fixture';

class FakeCheckout implements XsollaCheckout {
  readonly asked: PayStationUser[] = [];
  failure: XsollaCallFailure | null = null;

  createPayStationToken(user: PayStationUser): Promise<Result<{ token: string; url: string }, XsollaCallFailure>> {
    this.asked.push(user);
    if (this.failure) return Promise.resolve(fail(this.failure));
    return Promise.resolve(ok({ token: 'tok-1', url: 'https://secure.xsolla.com/paystation4/?token=tok-1' }));
  }
}

describe('checkout', () => {
  let store: StoreFixture;
  let xsolla: FakeCheckout;
  let codes: number;
  const create = () =>
    new CreateCheckout(store.uow, xsolla, { next: () => `code${(codes += 1)}` }, store.clock, 'https://forte.example/');
  const open = (code: string) => new OpenCheckoutLink(store.uow, store.clock).execute({ code });

  beforeEach(async () => {
    store = await openStore();
    xsolla = new FakeCheckout();
    codes = 0;
  });

  it('asks Xsolla for a token for the user by its Forte id, and keeps a short link to its page', async () => {
    const checkout = await create().execute({ userId: store.userId });

    expect(xsolla.asked).toEqual([{ id: String(store.userId), name: 'lara', email: null }]);
    expect(checkout).toEqual({
      ok: true,
      value: {
        token: 'tok-1',
        url: 'https://secure.xsolla.com/paystation4/?token=tok-1',
        shortUrl: 'https://forte.example/shops/code1',
        shortUrlExpiresAt: new Date(store.clock.now().getTime() + CHECKOUT_LINK_TTL_MS),
      },
    });
    expect(await open('code1')).toEqual({
      ok: true,
      value: { url: 'https://secure.xsolla.com/paystation4/?token=tok-1' },
    });
  });

  it('leads to the page until the link expires, and nowhere after', async () => {
    await create().execute({ userId: store.userId });
    store.clock.advance(CHECKOUT_LINK_TTL_MS - 1);
    expect((await open('code1')).ok).toBe(true);
    store.clock.advance(1);
    expect(await open('code1')).toEqual({ ok: false, failure: { type: 'CheckoutLinkExpired' } });
    expect(await open('code9')).toEqual({ ok: false, failure: { type: 'CheckoutLinkNotFound' } });
  });

  it('refuses an unknown or deleted user without asking Xsolla', async () => {
    expect(await create().execute({ userId: 999 })).toEqual({ ok: false, failure: { type: 'UserNotFound' } });
    await new DeleteUser(store.uow, store.clock).execute({ id: store.userId });
    expect(await create().execute({ userId: store.userId })).toEqual({ ok: false, failure: { type: 'UserNotFound' } });
    expect(xsolla.asked).toEqual([]);
  });

  it("answers Xsolla's failure, and keeps no link", async () => {
    xsolla.failure = { type: 'XsollaUnavailable', reason: 'Xsolla answered 500' };
    expect(await create().execute({ userId: store.userId })).toEqual({ ok: false, failure: xsolla.failure });
    expect(store.uow.snapshot().checkoutLinks.size).toBe(0);
  });
});
