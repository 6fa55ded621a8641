import { Writable } from 'node:stream';
import pino from 'pino';
import { RequestLogEntry } from '../../../src/adapters/http/http-observer';
import { requestLogLine } from '../../../src/composition-root';

const anEntry = (status: number): RequestLogEntry => ({
  requestId: 'a-request',
  method: 'GET',
  route: '/api/v2/users/:id',
  client: 'lara-bot',
  status,
  durationMs: 1.5,
  remoteAddress: '127.0.0.1',
});

/** A request log writing to memory at `level`: the lines it wrote, parsed. */
function logAt(level: string) {
  const lines: { level: number; msg: string; status: number }[] = [];
  const memory = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as (typeof lines)[number]);
      done();
    },
  });
  return { log: requestLogLine(pino({ level }, memory), null), lines };
}

describe("the request log's lines", () => {
  it('at info, are made for every answer: info, or warn for a 5xx', () => {
    const { log, lines } = logAt('info');
    expect([200, 404, 503].map((status) => log.wants(status))).toEqual([true, true, true]);

    log.write(anEntry(200));
    log.write(anEntry(503));
    expect(lines.map(({ level, msg, status }) => ({ level, msg, status }))).toEqual([
      { level: 30, msg: 'GET /api/v2/users/:id 200', status: 200 },
      { level: 40, msg: 'GET /api/v2/users/:id 503', status: 503 },
    ]);
  });

  it('at warn, are made for the 5xx answers alone', () => {
    const { log, lines } = logAt('warn');
    expect([200, 404, 499, 500, 503].map((status) => log.wants(status))).toEqual([false, false, false, true, true]);

    log.write(anEntry(500));
    expect(lines.map(({ level, status }) => ({ level, status }))).toEqual([{ level: 40, status: 500 }]);
  });
});
