/*
 * Jest runs each test file in its own realm (a vm context with its own `Error`) and its own module registry,
 * but a native addon is loaded once per worker process. better-sqlite3 hands its addon the `SqliteError` class
 * only once (`addon.isInitialized`), so every SQLite error of a worker is built from the class of the first test
 * file that opened a database. In any later file of that worker an SQLite error is not `instanceof Error`, and
 * `expect(...).rejects.toThrow()` reports "did not throw" although SQLite did refuse the statement: the foreign-key
 * tests failed whenever another SQLite test file ran before persistence.test.ts in the same worker.
 * (WiseLibs/better-sqlite3#162, #1159.) Production has one realm and is not affected.
 *
 * Run before each test file (jest `setupFiles`): it gives the shared addon this file's `SqliteError`.
 */
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

interface BetterSqlite3Addon {
  setErrorConstructor(constructor: typeof Database.SqliteError): void;
  isInitialized?: boolean;
}

type Bindings = (options: { bindings: string; module_root: string }) => BetterSqlite3Addon;

// The addon is found the way better-sqlite3 finds it (its own `bindings`, from its own folder), so this is the
// very object its Database uses: jest loads `.node` files with Node's require, cached for the whole process.
const packageRoot = dirname(dirname(require.resolve('better-sqlite3')));
// `bindings` is better-sqlite3's dependency and ships no types: hence `require` and the cast.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an untyped package of better-sqlite3's own
const bindings = require(require.resolve('bindings', { paths: [packageRoot] })) as Bindings;
const addon = bindings({ bindings: 'better_sqlite3.node', module_root: packageRoot });
addon.setErrorConstructor(Database.SqliteError);
addon.isInitialized = true;
