import { parseDatabaseUrl } from '../../../../src/adapters/persistence/database-url';

describe('parseDatabaseUrl', () => {
  it('reads a MySQL URL, decoding the user and password', () => {
    expect(parseDatabaseUrl('mysql://forte:p%40ss%3Aword@db.internal:3307/forte_prod')).toEqual({
      kind: 'mysql',
      host: 'db.internal',
      port: 3307,
      user: 'forte',
      password: 'p@ss:word',
      database: 'forte_prod',
    });
  });

  it('defaults the MySQL port and allows no password', () => {
    expect(parseDatabaseUrl('mysql://root@127.0.0.1/forte')).toEqual({
      kind: 'mysql',
      host: '127.0.0.1',
      port: 3306,
      user: 'root',
      password: '',
      database: 'forte',
    });
  });

  it('reads relative and absolute SQLite paths', () => {
    expect(parseDatabaseUrl('sqlite:./data/forte.sqlite')).toEqual({ kind: 'sqlite', filename: './data/forte.sqlite' });
    expect(parseDatabaseUrl('sqlite:/var/lib/forte/forte.sqlite')).toEqual({
      kind: 'sqlite',
      filename: '/var/lib/forte/forte.sqlite',
    });
  });

  it.each([
    ['postgres://u:p@host/db', /mysql:\/\/user:pass@host:port\/database or sqlite:PATH/],
    ['forte.sqlite', /mysql:\/\/user:pass@host:port\/database or sqlite:PATH/],
    ['', /mysql:\/\/user:pass@host:port\/database or sqlite:PATH/],
    ['sqlite:', /needs a file path/],
    ['mysql://root@127.0.0.1:3306', /must name a host and one database/],
    ['mysql://root@127.0.0.1:3306/', /must name a host and one database/],
    ['mysql://root@127.0.0.1:3306/a/b', /must name a host and one database/],
    ['mysql://root@127.0.0.1:99999/forte', /not a valid mysql:\/\/ URL/],
  ])('refuses %j', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(message);
  });

  it('keeps the password out of its error messages', () => {
    expect(() => parseDatabaseUrl('mariadb://forte:s3cret@host/db')).toThrow(/mariadb:\/\/forte:\*\*\*@host\/db/);
  });
});
