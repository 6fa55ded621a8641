import { ImportItems } from '../../../src/application/import-items';
import { ItemDraft } from '../../../src/domain/item';
import { anItemDraft } from '../../support/builders/item';
import { FixedClock } from '../../support/fixed-clock';
import { InMemoryUnitOfWork } from '../../support/in-memory/in-memory-unit-of-work';

describe('ImportItems', () => {
  const rows = (...drafts: ItemDraft[]) => drafts.map((draft, index) => ({ row: index + 1, draft }));
  const catalogue = (uow: InMemoryUnitOfWork) => uow.run((tx) => tx.items.listAll());

  it('creates new SKUs and overwrites known ones', async () => {
    const uow = new InMemoryUnitOfWork();
    const importer = new ImportItems(uow, new FixedClock());
    await importer.execute({ rows: rows(anItemDraft().with({ sku: 'a', price: 1 }).build()) });
    const second = await importer.execute({
      rows: rows(anItemDraft().with({ sku: 'a', price: 2 }).build(), anItemDraft().with({ sku: 'b' }).build()),
    });
    expect(second).toEqual({ ok: true, value: { created: ['b'], updated: ['a'] } });
    expect((await catalogue(uow)).map((item) => [item.sku, item.price])).toEqual([
      ['a', 2],
      ['b', 40],
    ]);
  });

  it('imports nothing when one row breaks a rule, reporting read issues and rule issues by row', async () => {
    const uow = new InMemoryUnitOfWork();
    const result = await new ImportItems(uow, new FixedClock()).execute({
      rows: rows(anItemDraft().with({ sku: 'fine' }).build(), anItemDraft().with({ sku: 'x', price: -5 }).build()),
      readIssues: [{ row: 3, field: 'sellable', message: 'must be true or false' }],
    });
    expect(result).toEqual({
      ok: false,
      failure: {
        type: 'InvalidRows',
        issues: [
          { row: 2, field: 'price', message: expect.any(String) },
          { row: 3, field: 'sellable', message: 'must be true or false' },
        ],
      },
    });
    expect(await catalogue(uow)).toEqual([]);
  });
});
