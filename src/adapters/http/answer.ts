import { Failure } from '../../domain/failure';
import { ok, Result } from '../../domain/result';
import { EndpointAnswer, Outcome } from './endpoint';

/** A use case's result as an endpoint's outcome: the presented value with the success status, or the failure. */
export function answer<T, F extends Failure>(
  result: Result<T, F>,
  status: number,
  present: (value: T) => unknown,
): Outcome<F> {
  return answerWith(result, (value) => ({ status, body: present(value) }));
}

/** The same, for a success whose status depends on the value (201 on a first check-in, 200 after). */
export function answerWith<T, F extends Failure>(
  result: Result<T, F>,
  present: (value: T) => EndpointAnswer,
): Outcome<F> {
  return result.ok ? ok(present(result.value)) : result;
}
