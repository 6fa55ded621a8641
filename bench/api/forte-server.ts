/*
 * Forte as `forte-cli serve` runs it, in a process of its own that the benchmark can ask, over IPC, to collect
 * garbage and tell its resident memory. Needs `--expose-gc`. Environment: DATABASE_URL and the rest of Forte's.
 */
import { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/adapters/config/load-config';
import { openRuntime } from '../../src/runtime';
import { startServer } from '../../src/server';

async function main(): Promise<void> {
  const runtime = await openRuntime(loadConfig(), { migrations: 'leave' });
  const server = await startServer(runtime, { host: '127.0.0.1', port: 0 });
  process.on('message', (message) => {
    if (message !== 'rss') return;
    for (let n = 0; n < 3; n += 1) global.gc?.();
    process.send?.({ rss: process.memoryUsage().rss });
  });
  process.on('disconnect', () => void server.stop().then(() => runtime.close()));
  process.send?.({ port: server.port satisfies AddressInfo['port'] });
}

void main();
