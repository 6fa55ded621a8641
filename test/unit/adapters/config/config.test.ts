import { parseConfig } from '../../../../src/adapters/config/config';

describe('parseConfig', () => {
  it('defaults to the embedded SQLite database on port 3000; an empty value counts as unset', () => {
    expect(parseConfig({ PORT: '' })).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      DATABASE_URL: 'sqlite:./data/forte.sqlite',
    });
  });

  it('names every bad key in one line', () => {
    expect(() => parseConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(
      /^invalid configuration: PORT: [^\n]+; LOG_LEVEL: [^\n]+$/,
    );
  });

  it.each([
    'mariadb://root@127.0.0.1/forte',
    'mysql://root@127.0.0.1:99999/forte',
    'mysql://root@127.0.0.1',
    'forte.sqlite',
  ])('refuses the DATABASE_URL %s, which no database adapter reads', (url) => {
    expect(() => parseConfig({ DATABASE_URL: url })).toThrow(
      'DATABASE_URL: expected mysql://user:pass@host:port/database or sqlite:PATH',
    );
  });
});
