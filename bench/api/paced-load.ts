import { Agent, request as httpRequest } from 'node:http';
import { Histogram } from './histogram';
import { LoadResult } from './load';

/**
 * Open-loop load at a steady `rate` for `seconds`: request n is due at n / rate seconds and goes out then over
 * at most `connections` keep-alive connections, whether or not earlier ones have answered. Its latency counts from
 * when it was due, so a request queued behind slow ones counts its wait. (autocannon's `overallRate` is not a
 * steady rate: each connection sends its share of a second back to back at the start of the second, then
 * idles, so its "half load" runs at full load half of each second.)
 */
export async function pacedLoad(options: {
  origin: string;
  token: string;
  connections: number;
  seconds: number;
  rate: number;
  request: (n: number) => { method: 'GET' | 'POST'; path: string; body?: string };
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies = new Histogram();
  const statuses: Record<string, number> = {};
  let failures = 0;
  const total = Math.round(options.rate * options.seconds);
  const started = performance.now();
  const send = (n: number): Promise<void> => {
    const due = started + (n * 1000) / options.rate;
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
          response.on('end', () => {
            const status = String(response.statusCode);
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (!status.startsWith('2')) failures += 1;
            else latencies.record(performance.now() - due);
            resolve();
          });
        },
      );
      asked.on('error', () => {
        failures += 1;
        resolve();
      });
      asked.end(body);
    });
  };
  const answers: Promise<void>[] = [];
  await new Promise<void>((done) => {
    const tick = (): void => {
      const dueNow = Math.min(total, Math.floor(((performance.now() - started) * options.rate) / 1000) + 1);
      while (answers.length < dueNow) answers.push(send(answers.length));
      if (answers.length < total) setTimeout(tick, 1);
      else done();
    };
    tick();
  });
  await Promise.all(answers);
  const elapsedSeconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { perSecond: total / elapsedSeconds, p99Ms: latencies.p99(), failures, statuses };
}
