import { CliError } from './cli-error';

const ADVICE: Record<string, string> = {
  EADDRINUSE: 'another process holds the port: stop it, or set PORT to a free one',
  EACCES: 'ports below 1024 need privileges: set PORT to 1024 or above',
  EADDRNOTAVAIL: 'HOST is not an address of this machine: set HOST (0.0.0.0 listens on all of them)',
};

/** A server that cannot listen is a one-line failure naming the address and what to do; else the error itself. */
export function explainListenFailure(error: unknown, address: { host: string; port: number }): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  const advice = ADVICE[code];
  if (advice === undefined) return error;
  const message = `cannot listen on ${address.host}:${address.port} (${code}): ${advice}`;
  return new CliError('CANNOT_LISTEN', message, undefined, { cause: error });
}
