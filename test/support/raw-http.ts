import { connect } from 'node:net';

/**
 * Sends bytes to a server as they are, however malformed, and answers everything the server wrote back until it
 * closed the connection (or `ms` passed). `halfClose` ends the client's side after sending, as a client that
 * gave up on its own body does.
 */
export function sendRawHttp(
  origin: string,
  request: string,
  options: { halfClose?: boolean; ms?: number } = {},
): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(request);
      if (options.halfClose) socket.end();
    });
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.setTimeout(options.ms ?? 3000, () => socket.destroy());
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}
