import { Agent, request as httpRequest } from 'node:http';
import { Histogram } from './histogram';
import { LoadResult } from './load';

/**
 * Open-loop load at a steady `rate` for `seconds`: attempt n is due at n / rate seconds and starts then, whether or
 * not earlier ones have finished. Its latency counts from when it was due, so one queued behind slow ones counts
 * its wait. `attempt` answers a status: one starting with 2 is a success. (autocannon's `overallRate` is not a
 * steady rate: each connection sends its share of a second back to back at the start of the second, then idles,
 * so its "half load" runs at full load half of each second.) The attempts of the first `warmUpSeconds` run at the
 * same rate but are not counted: a measurement of the steady state at that rate, not of the pause after the load
 * that came before (whose writes the database is still flushing) or of the client's first connections.
 */
export async function paced(
  options: { rate: number; seconds: number; warmUpSeconds?: number },
  attempt: (n: number) => Promise<string>,
): Promise<LoadResult> {
  const latencies = new Histogram();
  const statuses: Record<string, number> = {};
  let failures = 0;
  const warmUp = Math.round(options.rate * (options.warmUpSeconds ?? 0));
  const total = warmUp + Math.round(options.rate * options.seconds);
  const started = performance.now();
  let measuredFrom = started;
  const run = async (n: number): Promise<void> => {
    const due = started + (n * 1000) / options.rate;
    if (n === warmUp) measuredFrom = due;
    const status = await attempt(n);
    if (n < warmUp) return;
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status.startsWith('2')) latencies.record(performance.now() - due);
    else failures += 1;
  };
  const attempts: Promise<void>[] = [];
  await new Promise<void>((done) => {
    const tick = (): void => {
      const dueNow = Math.min(total, Math.floor(((performance.now() - started) * options.rate) / 1000) + 1);
      while (attempts.length < dueNow) attempts.push(run(attempts.length));
      if (attempts.length < total) setTimeout(tick, 1);
      else done();
    };
    tick();
  });
  await Promise.all(attempts);
  const perSecond = (total - warmUp) / ((performance.now() - measuredFrom) / 1000);
  return { perSecond, p99Ms: latencies.p99(), failures, statuses };
}

/** `paced` HTTP requests over at most `connections` keep-alive connections. */
export async function pacedLoad(options: {
  origin: string;
  token: string;
  connections: number;
  seconds: number;
  rate: number;
  warmUpSeconds?: number;
  request: (n: number) => { method: 'GET' | 'POST'; path: string; body?: string };
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  try {
    return await paced(options, (n) => {
      const { method, path, body } = options.request(n);
      return new Promise((resolve) => {
        const asked = httpRequest(
          new URL(path, options.origin),
          {
            method,
            agent,
            headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
          },
          (response) => {
            response.resume();
            response.on('end', () => resolve(String(response.statusCode)));
          },
        );
        asked.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
        asked.end(body);
      });
    });
  } finally {
    agent.destroy();
  }
}
