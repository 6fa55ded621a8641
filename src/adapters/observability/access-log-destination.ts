import { createWriteStream } from 'node:fs';

/** Where `ACCESS_LOG` sends the access log: `stdout`, `off`, or appended to a file. */
export function openAccessLogSink(target: string): { write: ((line: string) => void) | null; close(): Promise<void> } {
  if (target === 'off') return { write: null, close: async () => undefined };
  if (target === 'stdout') return { write: (line) => process.stdout.write(`${line}\n`), close: async () => undefined };
  const file = createWriteStream(target, { flags: 'a' });
  file.on('error', (error) =>
    process.stderr.write(`forte: cannot write the access log to ${target}: ${error.message}\n`),
  );
  return {
    write: (line) => file.write(`${line}\n`),
    close: () => new Promise<void>((resolve) => file.end(resolve)),
  };
}
