import { Failure } from '../../domain/failure';
import { Result } from '../../domain/result';
import { EndpointAnswer } from './endpoint';
import { failureAnswer } from './failure-responses';

/** A use case's result as an HTTP answer: the presented value with the success status, or the failure's. */
export function answer<T>(
  result: Result<T, Failure>,
  status: number,
  present: (value: T) => unknown,
): EndpointAnswer {
  return result.ok ? { status, body: present(result.value) } : failureAnswer(result.failure);
}
