import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestMariaDb, TestDatabase } from '../../support/persistence';
import { runCli } from '../../support/forte-cli';

describe('forte-cli items', () => {
  let db: TestDatabase;
  const folder = mkdtempSync(join(tmpdir(), 'forte-items-'));
  const file = (name: string, content: string): string => {
    const path = join(folder, name);
    writeFileSync(path, content);
    return path;
  };
  const items = (...args: string[]) => runCli(['items', ...args], { env: { DATABASE_URL: db.url } });
  const skus = async () =>
    (await db.knex('items').orderBy('sku').select('sku', 'price')).map((r) => [r.sku, Number(r.price)]);

  beforeAll(async () => {
    db = await openTestMariaDb();
  });
  afterAll(() => db.close());

  it('imports a CSV with a header row, then upserts by SKU from JSON', async () => {
    const csv = file(
      'items.csv',
      'sku,name,description,image_url,price,sellable,withdrawable,expires_after_days,max_per_user\n' +
        'nick-color,Nickname colour,"Paint, your name",https://cdn.example.com/n.png,40,true,true,30,1\n' +
        'bg-1,Background,,,100,1,0,,\n',
    );
    const first = items('import', csv, '--json');
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ created: ['nick-color', 'bg-1'], updated: [] });

    const json = file(
      'items.json',
      JSON.stringify([{ sku: 'bg-1', name: 'Background', price: 120, sellable: false, withdrawable: false }]),
    );
    const second = items('import', json);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/0 created, 1 updated/);
    expect(await skus()).toEqual([
      ['bg-1', 120],
      ['nick-color', 40],
    ]);

    const listed = items('list', '--json');
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({
        sku: 'nick-color',
        description: 'Paint, your name',
        expires_after_days: 30,
        max_per_user: 1,
        withdrawable: true,
      }),
      expect.objectContaining({ sku: 'bg-1', price: 120, sellable: false, image_url: null }),
    ]);
  });

  it('reports every bad row and field, exits 1 and imports nothing', async () => {
    const before = await skus();
    const bad = file(
      'bad.json',
      JSON.stringify([
        { sku: 'ok-1', name: 'Fine', price: 5, sellable: true, withdrawable: true },
        { sku: 'bad sku', name: 'x', price: -1, sellable: 'maybe', withdrawable: true },
        { sku: 'ok-1', name: 'Twice', price: 5, sellable: true, withdrawable: true, colour: 'red' },
        { sku: 'ok-2', name: '', price: 5, sellable: true, withdrawable: true, max_per_user: 0 },
      ]),
    );
    const run = items('import', bad, '--json');
    expect(run.status).toBe(1);
    const { issues } = JSON.parse(run.stdout) as { issues: { row: number; field: string }[] };
    expect(issues.map((issue) => [issue.row, issue.field])).toEqual(
      expect.arrayContaining([
        [2, 'sellable'],
        [3, 'colour'],
        [4, 'name'],
        [4, 'max_per_user'],
      ]),
    );
    expect(issues.every((issue) => issue.row > 1)).toBe(true);
    const plain = items('import', bad);
    expect(plain.stderr).toMatch(/Nothing imported/);
    expect(plain.stderr).toMatch(/row 4, max_per_user: must be a whole number from 1 to/);
    expect(await skus()).toEqual(before);
  });

  it('catches domain rules and repeated SKUs once the types are right', async () => {
    const bad = file(
      'bad.csv',
      'sku,name,price,sellable,withdrawable\nbad sku,x,-1,true,true\ndup,a,1,true,true\ndup,b,1,true,true\n',
    );
    const run = items('import', bad, '--json');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).issues).toEqual([
      { row: 1, field: 'sku', message: expect.any(String) },
      { row: 1, field: 'price', message: expect.any(String) },
      { row: 3, field: 'sku', message: 'repeats the SKU of row 2' },
    ]);
  });

  it('documents the file format in --help, with examples that import as they are', async () => {
    const help = items('import', '--help');
    expect(help.status).toBe(0);
    const fields = ['sku', 'name', 'description', 'image_url', 'price', 'sellable', 'withdrawable'];
    for (const field of [...fields, 'expires_after_days', 'max_per_user']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${field} +(yes|no) +\\S`, 'm'));
    }
    for (const name of ['items.json', 'items.csv']) {
      // The indented lines under "Example <name>:", as an operator would copy them.
      const example = new RegExp(`^Example ${name.replace('.', '\\.')}:\n((?:  .*\n)+)`, 'm').exec(help.stdout)?.[1];
      expect(example).toBeDefined();
      const run = items('import', file(`help-${name}`, (example ?? '').replace(/^ {2}/gm, '')), '--json');
      expect(run.status).toBe(0);
      const { created, updated } = JSON.parse(run.stdout) as { created: string[]; updated: string[] };
      expect([...created, ...updated].sort()).toEqual(['bg-1', 'nick-color']);
    }
    expect(await skus()).toEqual(
      expect.arrayContaining([
        ['nick-color', 40],
        ['bg-1', 100],
      ]),
    );
  });

  it('refuses numbers and texts beyond what a date, the database or a column holds', async () => {
    const before = await skus();
    const bad = file(
      'bounds.json',
      JSON.stringify([
        { sku: 'forever', name: 'x', price: 5, sellable: true, withdrawable: true, expires_after_days: 200_000_000 },
        { sku: 'year-10k', name: 'x', price: 5, sellable: true, withdrawable: true, expires_after_days: 3_000_000 },
        { sku: 'huge-cap', name: 'x', price: 5, sellable: true, withdrawable: true, max_per_user: 4_294_967_296 },
        { sku: 'long-text', name: 'x', description: 'd'.repeat(10_001), price: 5, sellable: true, withdrawable: true },
        { sku: 'surrogate', name: 'x\ud800', price: 5, sellable: true, withdrawable: true },
      ]),
    );
    const run = items('import', bad, '--json');
    expect(run.status).toBe(1);
    expect(
      (JSON.parse(run.stdout) as { issues: { row: number; field: string }[] }).issues.map((issue) => [
        issue.row,
        issue.field,
      ]),
    ).toEqual([
      [1, 'expires_after_days'],
      [2, 'expires_after_days'],
      [3, 'max_per_user'],
      [4, 'description'],
      [5, 'name'],
    ]);
    expect(await skus()).toEqual(before);
  });

  it('exits 2 for a file it cannot read', () => {
    expect(items('import', join(folder, 'missing.csv')).status).toBe(2);
    const notJson = items('import', file('broken.json', '[{"sku": '));
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toMatch(/not valid JSON/);
    expect(items('import', file('empty.json', '[]')).status).toBe(2);
  });
});
