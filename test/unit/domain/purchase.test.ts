import { countsTowardPurchaseLimit, decidePurchase, PurchaseRequest } from '../../../src/domain/purchase';
import { USER_ITEM_STATUSES } from '../../../src/domain/user-item';
import { anItem } from '../../support/builders/item';
import { aUser } from '../../support/builders/user';
import { aUserItem } from '../../support/builders/user-item';

const now = new Date('2026-11-25T06:00:00Z');
const request = (fields: Partial<PurchaseRequest> = {}): PurchaseRequest => ({
  user: aUser().withPoints(100).build(),
  item: anItem().withPrice(40).build(),
  ownedCount: 0,
  source: 'client:lara-bot',
  externalRef: 'key-1',
  now,
  ...fields,
});

describe('decidePurchase', () => {
  it('charges the price and records it as the price paid, with a purchase receipt', () => {
    const result = decidePurchase(request());
    expect(result).toEqual({
      ok: true,
      value: {
        user: expect.objectContaining({ id: 7, points: 60, updatedAt: now }),
        receipt: expect.objectContaining({
          userId: 7,
          kind: 'purchase',
          delta: -40,
          balanceBefore: 100,
          balanceAfter: 60,
          reason: 'purchase nickname-color',
          source: 'client:lara-bot',
          externalRef: 'key-1',
          createdAt: now,
        }),
        userItem: {
          userId: 7,
          itemId: 5,
          pricePaid: 40,
          status: 'active',
          expiresAt: null,
          acquiredVia: 'points',
          withdrawnAt: null,
          createdAt: now,
          updatedAt: now,
        },
      },
    });
  });

  it('lets the points run out exactly', () => {
    const result = decidePurchase(request({ user: aUser().withPoints(40).build() }));
    expect(result.ok && result.value.user.points).toBe(0);
  });

  it('refuses a user with too few points', () => {
    expect(decidePurchase(request({ user: aUser().withPoints(39).build() }))).toEqual({
      ok: false,
      failure: { type: 'InsufficientPoints', balance: 39, required: 40 },
    });
  });

  it('gives a free item for a receipt of zero points', () => {
    const result = decidePurchase(request({ item: anItem().withPrice(0).build() }));
    expect(result.ok && result.value.receipt.delta).toBe(0);
    expect(result.ok && result.value.userItem.pricePaid).toBe(0);
  });

  it('sets the expiry that many days after the purchase', () => {
    const result = decidePurchase(request({ item: anItem().expiringAfterDays(30).build() }));
    expect(result.ok && result.value.userItem.expiresAt).toEqual(new Date('2026-12-25T06:00:00Z'));
  });

  it('refuses an item that is not for sale, before looking at limit or points', () => {
    const item = anItem().notSellable().limitedTo(1).withPrice(1000).build();
    expect(decidePurchase(request({ item, ownedCount: 1 }))).toEqual({
      ok: false,
      failure: { type: 'ItemNotSellable' },
    });
  });

  it('refuses a purchase beyond the limit per user, before looking at points', () => {
    const item = anItem().limitedTo(2).withPrice(1000).build();
    expect(decidePurchase(request({ item, ownedCount: 2 }))).toEqual({
      ok: false,
      failure: { type: 'PurchaseLimitReached', maxPerUser: 2 },
    });
  });

  it('sells up to the limit', () => {
    expect(decidePurchase(request({ item: anItem().limitedTo(2).build(), ownedCount: 1 })).ok).toBe(true);
  });
});

describe('countsTowardPurchaseLimit', () => {
  it('counts every user item but a withdrawn or refunded one', () => {
    const counted = USER_ITEM_STATUSES.filter((status) =>
      countsTowardPurchaseLimit(aUserItem().withStatus(status).build()),
    );
    expect(counted).toEqual(['active', 'consumed', 'expired']);
  });

  it('lets a user who withdrew a limited item buy it again', () => {
    const owned = [aUserItem().withStatus('withdrawn').build(), aUserItem().withStatus('consumed').build()];
    const ownedCount = owned.filter(countsTowardPurchaseLimit).length;
    expect(decidePurchase(request({ item: anItem().limitedTo(2).build(), ownedCount })).ok).toBe(true);
    expect(decidePurchase(request({ item: anItem().limitedTo(1).build(), ownedCount })).ok).toBe(false);
  });
});
