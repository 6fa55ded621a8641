import { parseDatabaseUrl } from '../../../../src/adapters/persistence/database-url';

describe('parseDatabaseUrl', () => {
  it.each([
    [
      'mysql://forte:p%40ss%3Aword@db.internal:3307/forte_prod',
      'db.internal',
      3307,
      'forte',
      'p@ss:word',
      'forte_prod',
    ],
    ['mysql://root@127.0.0.1/forte', '127.0.0.1', 3306, 'root', '', 'forte'],
  ])('reads %s, decoding user and password and defaulting the port', (url, host, port, user, password, database) => {
    expect(parseDatabaseUrl(url)).toEqual({ kind: 'mysql', host, port, user, password, database });
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
