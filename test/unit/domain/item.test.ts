import { ItemDraft, itemDraftIssues } from '../../../src/domain/item';
import { anItemDraft } from '../../support/builders/item';

const draft = (fields: Partial<ItemDraft> = {}): ItemDraft => anItemDraft().with(fields).build();
const fieldsOf = (fields: Partial<ItemDraft>): string[] => itemDraftIssues(draft(fields)).map((issue) => issue.field);

describe('itemDraftIssues', () => {
  it('accepts a well-formed item, a free one and one with limits', () => {
    expect(itemDraftIssues(draft())).toEqual([]);
    expect(itemDraftIssues(draft({ price: 0 }))).toEqual([]);
    const limited = draft({ sku: 'virtual-good-item_test.2', expiresAfterDays: 30, maxPerUser: 1 });
    expect(itemDraftIssues(limited)).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['with a space', 'nick name'],
    ['with a slash', 'a/b'],
    ['too long', 'x'.repeat(256)],
  ])('refuses a SKU %s', (_, sku) => {
    expect(fieldsOf({ sku })).toEqual(['sku']);
  });

  it('accepts a SKU of 255 characters', () => {
    expect(fieldsOf({ sku: 'x'.repeat(255) })).toEqual([]);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 53])('refuses the price %p', (price) => {
    expect(fieldsOf({ price })).toEqual(['price']);
  });

  it('refuses a blank or overlong name', () => {
    expect(fieldsOf({ name: '  ' })).toEqual(['name']);
    expect(fieldsOf({ name: 'n'.repeat(256) })).toEqual(['name']);
    expect(fieldsOf({ name: 'n'.repeat(255) })).toEqual([]);
  });

  it.each([0, -3, 2.5])('refuses %p as days of expiry and as a limit per user', (value) => {
    expect(fieldsOf({ expiresAfterDays: value, maxPerUser: value })).toEqual(['expiresAfterDays', 'maxPerUser']);
  });

  it('reports every bad field of a row at once, with a message each', () => {
    const issues = itemDraftIssues(draft({ sku: '', price: -5 }));
    expect(issues.map((issue) => issue.field)).toEqual(['sku', 'price']);
    expect(issues.every((issue) => issue.message.length > 0)).toBe(true);
  });
});
