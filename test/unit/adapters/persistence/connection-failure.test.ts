import { connectionFailureAdvice } from '../../../../src/adapters/persistence/connection-failure';

const driverError = (code: string): Error => Object.assign(new Error(`driver says ${code}`), { code });

describe('connectionFailureAdvice', () => {
  it.each([
    ['ER_ACCESS_DENIED_ERROR', /user and password/],
    ['ER_BAD_DB_ERROR', /CREATE DATABASE/],
    ['ECONNREFUSED', /running, on that host and port/],
    ['SQLITE_NOTADB', /not a SQLite database/],
  ])('tells what to do about %s', (code, advice) => {
    expect(connectionFailureAdvice(driverError(code))).toMatch(advice);
  });

  it('has a general word for any other way of being unreachable, and none for errors of another kind', () => {
    expect(connectionFailureAdvice(driverError('ER_CON_COUNT_ERROR'))).toMatch(/down or unreachable/);
    expect(connectionFailureAdvice(driverError('ER_DUP_ENTRY'))).toBeNull();
    expect(connectionFailureAdvice(new Error('select * from users - no such column'))).toBeNull();
    expect(connectionFailureAdvice('ECONNREFUSED')).toBeNull();
  });
});
