import { createReadStream, promises as fs } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** One source of log bytes: a plain or gzipped file, or standard input (`-`). */
export interface LogInput {
  readonly name: string;
  /** Bytes on disk (compressed for .gz), when known, for the progress bar. */
  readonly size: number | null;
  /** True for a regular file that is not compressed: its bytes can be read again where they lie. */
  readonly rereadable: boolean;
  /** Raw bytes consumed so far, comparable with `size`. */
  bytesRead(): number;
  /**
   * The decompressed bytes; throws if the source breaks off (e.g. a truncated .gz) after what it could give.
   * A chunk is valid until the next one is asked for: a file is read into one reused buffer.
   */
  chunks(): AsyncIterable<Buffer>;
}

/** Whether bytes begin as gzip's do (its magic 1f 8b): gzip is told by its content, never by a file's name. */
export const startsGzipped = (bytes: Uint8Array): boolean => bytes[0] === 0x1f && bytes[1] === 0x8b;
const CHUNK = 1 << 20;

/** Opens `name` ('-' is standard input); gzip is recognised by its magic bytes, not the file name. */
export async function openLogInput(name: string, stdin: Readable = process.stdin): Promise<LogInput> {
  if (name === '-') return fromStream(name, null, stdin);
  const stat = await fs.stat(name);
  if (stat.isDirectory()) throw new Error(`${name} is a directory`);
  if (!stat.isFile()) return fromStream(name, null, createReadStream(name, { highWaterMark: CHUNK }));
  // Gunzip keeps parts of its input after it answered, so a compressed file is read into fresh buffers.
  if (await isGzipped(name)) return fromStream(name, stat.size, createReadStream(name, { highWaterMark: CHUNK }));
  let read = 0;
  return {
    name,
    size: stat.size,
    rereadable: true,
    bytesRead: () => read,
    chunks: () => gunzipIfNeeded(readFile(name, (n) => (read += n))),
  };
}

/** Whether the file `name` is gzip-compressed. */
export async function isGzipped(name: string): Promise<boolean> {
  const file = await fs.open(name, 'r');
  try {
    const head = Buffer.alloc(2);
    await file.read(head, 0, 2, 0);
    return startsGzipped(head);
  } finally {
    await file.close();
  }
}

/**
 * A regular file that is not compressed, read into one buffer over and over: a fresh buffer per chunk would be freed only when V8 next
 * collects, and those dead chunks, not the analysis, would set the peak memory.
 */
async function* readFile(name: string, onRead: (bytes: number) => void): AsyncGenerator<Buffer> {
  const file = await fs.open(name, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK);
  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) return;
      onRead(bytesRead);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}

function fromStream(name: string, size: number | null, source: Readable): LogInput {
  let read = 0;
  return {
    name,
    size,
    rereadable: false,
    bytesRead: () => read,
    chunks: () => gunzipIfNeeded(countBytes(source, (n) => (read += n))),
  };
}

async function* countBytes(source: AsyncIterable<Buffer>, onRead: (bytes: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    onRead(chunk.length);
    yield chunk;
  }
}

async function* gunzipIfNeeded(source: AsyncIterator<Buffer> & AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const first = await source.next();
  if (first.done) return;
  const head = first.value;
  if (!startsGzipped(head)) {
    yield head;
    yield* source;
    return;
  }
  async function* all(): AsyncGenerator<Buffer> {
    yield head;
    yield* source;
  }
  yield* Readable.from(all()).pipe(createGunzip({ chunkSize: CHUNK }));
}
