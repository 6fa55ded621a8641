import { asOf, consume, effectiveStatus } from '../../../src/domain/user-item';
import { aUserItem } from '../../support/builders/user-item';

const expiresAt = new Date('2026-11-08T00:00:00Z');
const justBefore = new Date(expiresAt.getTime() - 1);

describe('effectiveStatus', () => {
  it('keeps an item without expiry active', () => {
    expect(effectiveStatus(aUserItem().build(), new Date('2099-01-01T00:00:00Z'))).toBe('active');
  });

  it('is active until the instant of expiry and expired from it on', () => {
    const userItem = aUserItem().expiringAt(expiresAt).build();
    expect(effectiveStatus(userItem, justBefore)).toBe('active');
    expect(effectiveStatus(userItem, expiresAt)).toBe('expired');
  });

  it.each(['consumed', 'withdrawn'] as const)('leaves a %s item as it is past its expiry', (status) => {
    expect(effectiveStatus(aUserItem().expiringAt(expiresAt).withStatus(status).build(), expiresAt)).toBe(status);
  });
});

describe('asOf', () => {
  it('writes the expiry into the status', () => {
    expect(asOf(aUserItem().expiringAt(expiresAt).build(), expiresAt).status).toBe('expired');
  });

  it('answers the same object when nothing changed', () => {
    const userItem = aUserItem().expiringAt(expiresAt).build();
    expect(asOf(userItem, justBefore)).toBe(userItem);
  });
});

describe('consume', () => {
  it('marks an active item consumed at the time it is used', () => {
    const result = consume(aUserItem().expiringAt(expiresAt).build(), justBefore);
    expect(result.ok && result.value).toEqual(expect.objectContaining({ status: 'consumed', updatedAt: justBefore }));
  });

  it('refuses an item past its expiry', () => {
    expect(consume(aUserItem().expiringAt(expiresAt).build(), expiresAt)).toEqual({
      ok: false,
      failure: { type: 'UserItemNotActive' },
    });
  });

  it.each(['consumed', 'expired', 'withdrawn'] as const)('refuses a %s item', (status) => {
    expect(consume(aUserItem().withStatus(status).build(), justBefore).ok).toBe(false);
  });
});
