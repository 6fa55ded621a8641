/**
 * A request the adapter refuses before any use case runs (no token, bad JSON, invalid input, ...). Thrown by
 * middleware and turned into the error body by the error boundary.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}
