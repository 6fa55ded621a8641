/** A refusal that says the database, not the request, is the trouble: both are 503s the client should retry. */
export type StorageRefusal = 'BUSY' | 'DATABASE_UNAVAILABLE';

/** What the HTTP adapter tells the rest of the house about the requests it could not answer normally. */
export interface HttpObserver {
  /** An unexpected error, answered 500: a fault of Forte, for Sentry. */
  fault(error: unknown, request: RequestFacts): void;
  /** A 503 for contention or an unreachable database: expected under load or in an outage; counted, not a fault. */
  storageRefusal(refusal: StorageRefusal, request: RequestFacts): void;
  /** Malformed HTTP (bad framing, a Content-Length that does not match the body): the client's fault, counted. */
  protocolError(error: Error): void;
}

/** What the logs and Sentry say about a request: never its raw path, query, headers or body. */
export interface RequestFacts {
  requestId: string | null;
  method: string;
  /** The router's template (`/api/v2/users/:id`), or `unmatched`. */
  route: string;
  /** The name of the bot client that called, once authenticated. */
  client: string | null;
}

export interface RequestLogEntry extends RequestFacts {
  status: number;
  durationMs: number;
  remoteAddress: string;
}

/** Where the structured entry of each request goes. */
export interface RequestLog {
  /** Whether an answer with this status is written at all: an entry nobody writes is not made. */
  wants(status: number): boolean;
  write(entry: RequestLogEntry): void;
}
