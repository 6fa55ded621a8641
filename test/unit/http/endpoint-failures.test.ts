import { answer } from '../../../src/adapters/http/answer';
import { botWithScope, defineEndpoint } from '../../../src/adapters/http/endpoint';
import { FailureOf } from '../../../src/domain/failure';
import { fail, ok, Result } from '../../../src/domain/result';

/** A use case that may answer exactly these two failures. */
const lookUp = (found: boolean): Promise<Result<string, FailureOf<'UserNotFound' | 'InvalidCursor'>>> =>
  Promise.resolve(found ? ok('lara') : fail({ type: 'UserNotFound' }));

const shape = { method: 'get', path: '/things', summary: 'A thing', auth: botWithScope('users:read') } as const;
const success = { status: 200, description: 'The thing' };

describe("an endpoint's failures are its use case's failures", () => {
  it('accepts exactly the failures the use case answers', async () => {
    const endpoint = defineEndpoint({
      ...shape,
      success,
      failures: { UserNotFound: true, InvalidCursor: true },
      handle: async () => answer(await lookUp(false), 200, (name) => ({ name })),
    });
    expect(Object.keys(endpoint.failures)).toEqual(['UserNotFound', 'InvalidCursor']);
  });
});

/**
 * Never run: the compiler checks it (`npm run lint`), and each @ts-expect-error fails the build unless it meets the
 * error it announces, so a list that misses a failure, or names one its use case cannot answer, does not compile.
 */
export function refusedWhenCompiling(): void {
  defineEndpoint({
    ...shape,
    success,
    // @ts-expect-error InvalidCursor is missing.
    failures: { UserNotFound: true },
    handle: async () => answer(await lookUp(true), 200, (name) => ({ name })),
  });
  defineEndpoint({
    ...shape,
    success,
    // @ts-expect-error ItemNotFound is not a failure of this use case.
    failures: { UserNotFound: true, InvalidCursor: true, ItemNotFound: true },
    handle: async () => answer(await lookUp(true), 200, (name) => ({ name })),
  });
}
