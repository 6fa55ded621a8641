/** Where the data lives, read from `DATABASE_URL`. */
export type DatabaseLocation =
  | {
      kind: 'mysql';
      host: string;
      port: number;
      user: string;
      password: string;
      database: string;
    }
  | { kind: 'sqlite'; filename: string };

const MYSQL_DEFAULT_PORT = 3306;

/**
 * Reads `mysql://user:pass@host:port/db` (MySQL or MariaDB) or `sqlite:PATH` (an embedded file, PATH relative to
 * the working directory or absolute). Anything else is a configuration mistake and throws.
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (url.startsWith('sqlite:')) return parseSqlite(url);
  if (url.startsWith('mysql://')) return parseMysql(url);
  throw new Error(
    `DATABASE_URL must be mysql://user:pass@host:port/database or sqlite:PATH, got "${redactPassword(url)}"`,
  );
}

function parseSqlite(url: string): DatabaseLocation {
  const filename = url.slice('sqlite:'.length);
  if (filename === '') throw new Error('DATABASE_URL sqlite:PATH needs a file path, e.g. sqlite:./data/forte.sqlite');
  return { kind: 'sqlite', filename };
}

function parseMysql(url: string): DatabaseLocation {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`DATABASE_URL is not a valid mysql:// URL: "${redactPassword(url)}"`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\/+/, ''));
  if (parsed.hostname === '' || database === '' || database.includes('/')) {
    throw new Error(`DATABASE_URL must name a host and one database: mysql://user:pass@host:port/database`);
  }
  return {
    kind: 'mysql',
    host: parsed.hostname,
    port: parsed.port === '' ? MYSQL_DEFAULT_PORT : Number(parsed.port),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database,
  };
}

/** Error messages end up in logs; the password must not. */
export function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}
