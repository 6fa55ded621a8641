import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createHttpApp } from './adapters/http/create-http-app';
import { answerMalformedHttp } from './adapters/http/malformed-http';
import { Forte } from './composition-root';
import { InFlight } from './adapters/http/in-flight';

export interface RunningServer {
  port: number;
  /**
   * Stops accepting, lets in-flight requests finish, those whose clients went away included (those still running after
   * `SHUTDOWN_GRACE_MS` are cut), then stops the workers, a pass in progress finished first; closing Forte itself is
   * the caller's.
   */
  stop(): Promise<void>;
}

/** Listens with the HTTP adapter of a composed Forte on the configured host and port, and starts its workers. */
export async function startServer(
  forte: Forte,
  listen = { host: forte.config.HOST, port: forte.config.PORT },
): Promise<RunningServer> {
  const deps = await forte.httpDependencies();
  const { HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, HTTP_KEEP_ALIVE_TIMEOUT_MS } = forte.config;
  const handling = new InFlight(createHttpApp(deps).callback());
  const server = createServer(
    {
      // A client that sends its headers or its request too slowly is answered 408 (malformed-http.ts) and dropped,
      // so slow senders cannot hold connections; Node looks for them every this often.
      headersTimeout: HTTP_HEADERS_TIMEOUT_MS,
      requestTimeout: HTTP_REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: Math.min(1000, HTTP_HEADERS_TIMEOUT_MS),
      keepAliveTimeout: HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    handling.handle,
  );
  server.on('clientError', answerMalformedHttp(deps.observer));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, resolve);
  });
  forte.workers.start();
  return {
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      const deadline = Date.now() + forte.config.SHUTDOWN_GRACE_MS;
      await closeGracefully(server, forte.config.SHUTDOWN_GRACE_MS);
      // A request whose client went away has no connection left to wait for, but its handler may still be at work
      // (waiting for a row or a pooled connection): the database must not close under it.
      await handling.settled(deadline - Date.now());
      await forte.workers.stop();
    },
  };
}

function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // A keep-alive connection is closed as soon as it has no request in flight, now or once its answer is sent.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close((error) => {
      clearInterval(idle);
      clearTimeout(cut);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
