import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogInput } from '../../../src/adapters/log-analysis/log-input';
import { analyseAccessLogs } from '../../../src/adapters/log-analysis/log-analysis';

// A request key whose URL lies in a regular file keeps only that place and is read back for the report's rows;
// these lines put that reading to the test: escapes that decode, a request line without a protocol or method, a
// "-" request, lines cut between two reads, the first lines held back to detect the format.
const LINES = [
  '10.0.0.1 - - [01/Nov/2026:09:00:00 +0900] "GET /a%20b?x=%41 HTTP/1.1" 200 10 "-" "curl/8.0"',
  '10.0.0.2 - - [01/Nov/2026:09:00:01 +0900] "GET /a b?x=A HTTP/1.1" 200 20 "-" "curl/8.0"',
  '10.0.0.3 - - [01/Nov/2026:09:00:02 +0900] "POST /items/%E2%9C%93" 201 30 "-" "curl/8.0"',
  '10.0.0.4 - - [01/Nov/2026:09:00:03 +0900] "/bare" 404 0 "-" "curl/8.0"',
  '10.0.0.5 - - [01/Nov/2026:09:00:04 +0900] "-" 400 0 "-" "curl/8.0"',
  '10.0.0.6 - - [02/Nov/2026:10:00:00 +0900] "HEAD /%20padded%20 HTTP/2" 200 0 "-" "curl/8.0"',
];

/** The file as an input read in chunks of `size` bytes, which can or cannot be read again where it lies. */
function chunked(
  path: string,
  size: number,
  rereadable: boolean,
  afterLast: () => void = () => undefined,
): (name: string) => Promise<LogInput> {
  const bytes = readFileSync(path);
  return (name) =>
    Promise.resolve({
      name,
      size: bytes.length,
      rereadable,
      bytesRead: () => 0,
      async *chunks() {
        for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
        afterLast();
      },
    });
}

describe('request keys read back from the log file', () => {
  let dir: string;
  let log: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'forte-keys-'));
    log = join(dir, 'access.log');
    const many = Array.from({ length: 60 }, (_, i) => LINES[i % LINES.length]!.replace('/a', `/a${i % 7}`));
    writeFileSync(log, `${[...LINES, ...many].join('\n')}\n`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([7, 64, 1 << 20])('gives every row as keeping the keys would (reads of %i bytes)', async (size) => {
    const kept = await analyseAccessLogs([log], {}, {}, { top: 50, open: chunked(log, size, false) });
    const placed = await analyseAccessLogs([log], {}, {}, { top: 50, open: chunked(log, size, true) });
    expect(placed.requests).toEqual(kept.requests);
    expect(placed.not_found).toEqual(kept.not_found);
    expect(placed.panels).toEqual(kept.panels);
    expect(placed.requests.map((row) => row.url)).toEqual(expect.arrayContaining(['/a0 b?x=A', '/ padded', '-']));
  });

  it('refuses to name a row from a file that changed after it was read', async () => {
    const rewrite = () => writeFileSync(log, readFileSync(log, 'utf8').replace(/\/a/g, '/z'));
    await expect(
      analyseAccessLogs([log], {}, {}, { top: 50, open: chunked(log, 1 << 20, true, rewrite) }),
    ).rejects.toThrow(/changed/);
  });
});
