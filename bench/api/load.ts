import autocannon from 'autocannon';

export interface LoadResult {
  perSecond: number;
  p99Ms: number;
  /** Answers other than the expected 2xx, and connection errors: a benchmark with any is not a valid figure. */
  failures: number;
  /** How many answers had each status. */
  statuses: Record<string, number>;
}

/**
 * Closed-loop keep-alive HTTP load from `connections` clients for `seconds`, each sending its next request as
 * soon as its last one is answered; `request(n)` gives the n-th request's method, path and body.
 */
export async function load(options: {
  origin: string;
  token: string;
  connections: number;
  seconds: number;
  /** Stop after this many requests instead of after `seconds`. */
  amount?: number;
  request: (n: number) => { method: 'GET' | 'POST'; path: string; body?: string; authorization?: string };
}): Promise<LoadResult> {
  let n = 0;
  const result = await autocannon({
    url: options.origin,
    connections: options.connections,
    duration: options.seconds,
    ...(options.amount ? { amount: options.amount } : {}),
    // Fresh headers each time: autocannon would otherwise keep a POST's Content-Length for the GET after it.
    requests: [
      {
        setupRequest: (request) => {
          const { authorization, ...asked } = options.request(n++);
          return {
            ...request,
            body: undefined,
            headers: { authorization: authorization ?? `Bearer ${options.token}`, 'content-type': 'application/json' },
            ...asked,
          };
        },
      },
    ],
  });
  return {
    perSecond: result.requests.average,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count ?? 0]),
    ),
  };
}
