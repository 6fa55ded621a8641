import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseFiles, GOACCESS_GENERAL_KEYS, goaccessStatusCodes } from '../../support/access-log-analysis';

const FIXTURES = join(__dirname, '../../fixtures/access-logs');

// Each log comes from bench/access-log-generator.ts; each report from
// `goaccess LOG --log-format=COMBINED -o LOG.goaccess.json` (GoAccess 1.7, Debian), run once and committed.
describe.each(['combined-seed11', 'combined-seed12', 'forte-seed13'])('%s agrees with GoAccess 1.7', (name) => {
  const goaccess = JSON.parse(readFileSync(join(FIXTURES, `${name}.goaccess.json`), 'utf8'));
  let ours: Awaited<ReturnType<typeof analyseFiles>>;

  beforeAll(async () => {
    ours = await analyseFiles([join(FIXTURES, `${name}.log`)]);
  });

  it.each(GOACCESS_GENERAL_KEYS)('general.%s', (key) => {
    expect(ours.general[key]).toBe(goaccess.general[key]);
  });

  it('counts every status code as GoAccess does', () => {
    expect(ours.status_codes).toEqual(goaccessStatusCodes(goaccess));
  });
});
