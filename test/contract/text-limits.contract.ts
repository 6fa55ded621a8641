import {
  EXPIRES_AFTER_DAYS_MAX,
  IMAGE_URL_MAX_LENGTH,
  ITEM_DESCRIPTION_MAX_LENGTH,
  ITEM_NAME_MAX_LENGTH,
  MAX_PER_USER_MAX,
} from '../../src/domain/item';
import { RECEIPT_TEXT_LIMITS } from '../../src/domain/receipt';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, User } from '../../src/domain/user';
import { anItemDraft } from '../support/builders/item';
import { aRequest, LONG_AGO } from './idempotency-repository.contract';
import { emptiedBeforeEach, PersistenceTarget } from './support/persistence-target';
import { aNewClient, aNewUser, aPosting, AT } from './support/records';

/** Three UTF-8 bytes a character, as Korean names and reasons are: a column sized in bytes would overflow. */
const korean = (length: number): string => '한'.repeat(length);

/**
 * Every text field written at the longest the domain, the API or an import accepts, and every bounded number
 * at its bound, read back unchanged: a column narrower than its limit fails here on MariaDB, which is strict
 * where SQLite and the in-memory adapter are not.
 */
export function textLimitsContract(target: () => PersistenceTarget): void {
  describe('texts and numbers at their limits', () => {
    const uow = emptiedBeforeEach(target);

    it('users keep a name and an e-mail at their maximum length', async () => {
      const email = `${'e'.repeat(EMAIL_MAX_LENGTH - 7)}@ex.com`;
      const user = (await uow().run((tx) =>
        tx.users.insert(aNewUser({ discordId: '9'.repeat(20), name: korean(NAME_MAX_LENGTH), email })),
      )) as User;
      expect(await uow().run((tx) => tx.users.findById(user.id))).toMatchObject({
        discordId: '9'.repeat(20),
        name: korean(NAME_MAX_LENGTH),
        email,
      });
    });

    it('receipts keep a reason, a source and an external reference at their maximum length', async () => {
      const texts = {
        reason: korean(RECEIPT_TEXT_LIMITS.reason),
        source: korean(RECEIPT_TEXT_LIMITS.source),
        externalRef: korean(RECEIPT_TEXT_LIMITS.externalRef),
      };
      const receipt = await uow().run(async (tx) => {
        const user = (await tx.users.insert(aNewUser())) as User;
        return aPosting(tx, user.id, texts);
      });
      expect(await uow().run((tx) => tx.receipts.findById(receipt.userId, receipt.id))).toMatchObject(texts);
    });

    it('items keep every text at its maximum length and every number at its bound', async () => {
      const draft = anItemDraft()
        .with({
          sku: 's'.repeat(255),
          name: korean(ITEM_NAME_MAX_LENGTH),
          description: korean(ITEM_DESCRIPTION_MAX_LENGTH),
          imageUrl: `https://cdn.example.com/${'i'.repeat(IMAGE_URL_MAX_LENGTH - 24)}`,
          price: Number.MAX_SAFE_INTEGER,
          expiresAfterDays: EXPIRES_AFTER_DAYS_MAX,
          maxPerUser: MAX_PER_USER_MAX,
        })
        .build();
      await uow().run((tx) => tx.items.upsertBySku(draft, AT));
      expect(await uow().run((tx) => tx.items.findBySku(draft.sku))).toMatchObject(draft);
    });

    it('clients keep a name at its maximum length', async () => {
      const name = `c${'n'.repeat(63)}`;
      await uow().run((tx) => tx.clients.insert(aNewClient({ name })));
      expect(await uow().run((tx) => tx.clients.findByName(name))).toMatchObject({ name });
    });

    it('idempotency records keep a key at its maximum length and a large answer', async () => {
      const request = aRequest({ key: korean(255) });
      const answer = {
        ok: true,
        value: { reason: korean(RECEIPT_TEXT_LIMITS.reason), items: Array(500).fill(korean(100)) },
      };
      await uow().run(async (tx) => {
        await tx.idempotency.claim(request, AT, LONG_AGO);
        await tx.idempotency.complete(request, answer);
      });
      expect(await uow().run((tx) => tx.idempotency.claim(request, AT, LONG_AGO))).toMatchObject({ result: answer });
    });
  });
}
