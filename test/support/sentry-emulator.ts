import { createServer, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface SentryEmulator {
  /** A DSN that points the Sentry SDK at this server. */
  dsn: string;
  /** The raw envelopes received so far (header line, then item header and payload lines). */
  envelopes: string[];
  /** The events received so far: the payloads of the envelopes' `event` items, parsed. */
  events(): SentryEvent[];
  /** Resolves with the first envelope whose text matches, or rejects after `ms`. */
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
  close(): Promise<void>;
}

/** The parts of a Sentry event the tests read. */
export interface SentryEvent {
  environment?: string;
  release?: string;
  tags?: Record<string, string>;
  exception?: { values?: { type?: string; value?: string }[] };
}

/** An envelope is a header line, then for each item a header line and a payload line. */
function eventsOf(envelope: string): SentryEvent[] {
  const lines = envelope.split('\n');
  const events: SentryEvent[] = [];
  for (let index = 1; index + 1 < lines.length; index += 2) {
    const header = JSON.parse(lines[index] ?? '{}') as { type?: string };
    if (header.type === 'event') events.push(JSON.parse(lines[index + 1] ?? '{}') as SentryEvent);
  }
  return events;
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
    events: () => envelopes.flatMap(eventsOf),
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
