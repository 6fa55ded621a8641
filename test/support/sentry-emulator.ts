import { createServer, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface SentryEmulator {
  /** A DSN that points the Sentry SDK at this server. */
  dsn: string;
  /** The raw envelopes received so far (header line, then item header and payload lines). */
  envelopes: string[];
  /** Resolves with the first envelope whose text matches, or rejects after `ms`. */
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
  close(): Promise<void>;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  return (request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
};

/** A local stand-in for Sentry's ingest: it takes envelopes at `/api/<project>/envelope/` as Sentry does. */
export async function startSentryEmulator(): Promise<SentryEmulator> {
  const envelopes: string[] = [];
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      if (/^\/api\/\d+\/envelope\/?(\?|$)/.test(request.url ?? '')) envelopes.push(body);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    dsn: `http://public@127.0.0.1:${port}/42`,
    envelopes,
    async waitFor(pattern, ms = 10_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = envelopes.find((envelope) => pattern.test(envelope));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no Sentry envelope matched ${pattern} within ${ms} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
