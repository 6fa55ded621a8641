import { StorageUnavailableError } from '../../../../src/application/ports/storage-failures';
import { connectionFailure } from '../../../../src/adapters/persistence/connection-failure';

const driverError = (code: string): Error => Object.assign(new Error(`driver says ${code}`), { code });

describe('connectionFailure', () => {
  it.each([
    ['ER_ACCESS_DENIED_ERROR', /user and password/],
    ['ER_BAD_DB_ERROR', /CREATE DATABASE/],
    ['ECONNREFUSED', /running, on that host and port/],
    ['SQLITE_NOTADB', /not a SQLite database/],
  ])('tells what to do about %s', (code, advice) => {
    expect(connectionFailure(driverError(code))?.advice).toMatch(advice);
  });

  it("looks through the unit of work's StorageUnavailableError to the driver's error", () => {
    const refused = driverError('ECONNREFUSED');
    expect(connectionFailure(new StorageUnavailableError({ cause: refused }))).toEqual({
      driverError: refused,
      advice: expect.stringMatching(/running/),
    });
  });

  it('has a general word for any other way of being unreachable, and none for errors of another kind', () => {
    expect(connectionFailure(driverError('ER_CON_COUNT_ERROR'))?.advice).toMatch(/down or unreachable/);
    expect(connectionFailure(driverError('ER_DUP_ENTRY'))).toBeNull();
    expect(connectionFailure(new Error('select * from users - no such column'))).toBeNull();
    expect(connectionFailure('ECONNREFUSED')).toBeNull();
  });
});
