import { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The requests whose handlers are still running. A handler goes on after its client has gone away (its connection
 * closed, the server no longer counts it), so a server that stops must wait for the handlers, not the connections.
 */
export class InFlight {
  private running = 0;
  private readonly waiting = new Set<() => void>();

  constructor(private readonly handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>) {}

  /** Handles a request with the wrapped handler, counted until that handler's work has settled. */
  readonly handle = (request: IncomingMessage, response: ServerResponse): void => {
    this.running += 1;
    void this.handler(request, response).finally(() => {
      this.running -= 1;
      if (this.running === 0) for (const wake of this.waiting) wake();
    });
  };

  /** Resolves once no handler is running, or after `withinMs` at most (a negative wait is none). */
  settled(withinMs: number): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, withinMs));
      this.waiting.add(done);
    });
  }
}
