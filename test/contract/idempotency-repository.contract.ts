import { Claim, IdempotentRequest } from '../../src/application/ports/idempotency-repository';
import { emptiedBeforeEach, PersistenceTarget } from './support/persistence-target';
import { AT } from './support/records';

export const aRequest = (fields: Partial<IdempotentRequest> = {}): IdempotentRequest => ({
  scope: 'client:1 POST /users/:id/points',
  key: 'f3b2c1d0-retry-me',
  fingerprint: 'e'.repeat(64),
  ...fields,
});

/** Records created at or before this are expired; AT is well after it. */
export const LONG_AGO = new Date(AT.getTime() - 86_400_000);

const existing = (fingerprint: string, result: unknown, createdAt: Date): Claim => ({
  kind: 'existing',
  fingerprint,
  result,
  createdAt,
});

export function idempotencyRepositoryContract(target: () => PersistenceTarget): void {
  describe('IdempotencyRepository', () => {
    const uow = emptiedBeforeEach(target);
    const storedAnswer = { ok: true, value: { receiptId: 12, points: 70, at: AT, nested: [{ at: AT }], none: null } };

    it('claims a new key, then answers the stored result, Dates included', async () => {
      const request = aRequest();
      await uow().run(async (tx) => {
        expect(await tx.idempotency.claim(request, AT, LONG_AGO)).toEqual({ kind: 'claimed' });
        await tx.idempotency.complete(request, storedAnswer);
      });
      const later = new Date(AT.getTime() + 1000);
      const claim = await uow().run((tx) =>
        tx.idempotency.claim({ ...request, fingerprint: 'other' }, later, LONG_AGO),
      );
      expect(claim).toEqual(existing(request.fingerprint, storedAnswer, AT));
    });

    it('keeps keys of different scopes apart, and long keys of any characters', async () => {
      const longKey = `키-${'k'.repeat(253)}`;
      await uow().run(async (tx) => {
        expect(await tx.idempotency.claim(aRequest({ key: longKey, scope: 'a' }), AT, LONG_AGO)).toEqual({
          kind: 'claimed',
        });
        expect(await tx.idempotency.claim(aRequest({ key: longKey, scope: 'b' }), AT, LONG_AGO)).toEqual({
          kind: 'claimed',
        });
        expect(
          await tx.idempotency.claim(aRequest({ key: `${longKey.slice(0, -1)}x`, scope: 'a' }), AT, LONG_AGO),
        ).toEqual({
          kind: 'claimed',
        });
      });
    });

    it('takes over an expired record as a fresh claim', async () => {
      const request = aRequest();
      await uow().run(async (tx) => {
        await tx.idempotency.claim(request, AT, LONG_AGO);
        await tx.idempotency.complete(request, storedAnswer);
      });
      const nextDay = new Date(AT.getTime() + 86_400_000);
      const fresh = { ...request, fingerprint: 'f'.repeat(64) };
      await uow().run(async (tx) => {
        expect(await tx.idempotency.claim(fresh, nextDay, AT)).toEqual({ kind: 'claimed' });
        await tx.idempotency.complete(fresh, 'fresh answer');
      });
      expect(await uow().run((tx) => tx.idempotency.claim(request, nextDay, AT))).toEqual(
        existing(fresh.fingerprint, 'fresh answer', nextDay),
      );
    });

    it('keeps a record created just after the expiry bound', async () => {
      const request = aRequest();
      await uow().run(async (tx) => {
        await tx.idempotency.claim(request, AT, LONG_AGO);
        await tx.idempotency.complete(request, storedAnswer);
      });
      const justBefore = new Date(AT.getTime() - 1);
      expect(await uow().run((tx) => tx.idempotency.claim(request, AT, justBefore))).toEqual(
        existing(request.fingerprint, storedAnswer, AT),
      );
    });

    it('refuses to complete a key that was never claimed', async () => {
      await expect(uow().run((tx) => tx.idempotency.complete(aRequest(), storedAnswer))).rejects.toThrow(
        /never claimed/,
      );
    });

    it('frees the key again when the claiming transaction rolls back', async () => {
      const request = aRequest();
      await expect(
        uow().run(async (tx) => {
          await tx.idempotency.claim(request, AT, LONG_AGO);
          throw new Error('the work failed');
        }),
      ).rejects.toThrow('the work failed');
      expect(await uow().run((tx) => tx.idempotency.claim(request, AT, LONG_AGO))).toEqual({ kind: 'claimed' });
    });

    it('lets one of two racing claims of a key through; the other sees its stored result', async () => {
      const request = aRequest();
      const claimAndComplete = (answer: string) =>
        uow().run(async (tx) => {
          const claim = await tx.idempotency.claim(request, AT, LONG_AGO);
          if (claim.kind === 'claimed') {
            // Holds the claim a while, so that the other transaction runs into it.
            await new Promise((resolve) => setTimeout(resolve, 50));
            await tx.idempotency.complete(request, answer);
          }
          return claim;
        });
      const claims = await Promise.all([claimAndComplete('first answer'), claimAndComplete('second answer')]);
      const winner = claims.findIndex((claim) => claim.kind === 'claimed');
      expect(winner).not.toBe(-1);
      const loser = claims[1 - winner];
      expect(loser).toEqual(existing(request.fingerprint, winner === 0 ? 'first answer' : 'second answer', AT));
    });
  });
}
