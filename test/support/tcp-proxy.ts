import { AddressInfo, connect, createServer, Socket } from 'node:net';

/**
 * A TCP relay to a server, which a test can cut (every connection dropped, new ones refused) and restore, or have
 * lose the answer to a request: `loseAnswerTo(bytes)` relays the next client chunk holding those bytes, then drops
 * that client's connection before the server's answer reaches it (the server still gets the request whole).
 */
export interface TcpProxy {
  port: number;
  cut(): void;
  restore(): void;
  loseAnswerTo(bytes: string): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let open = true;
  let trap: Buffer | null = null;
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    track(client);
    track(upstream);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      if (trap === null || !chunk.includes(trap)) return;
      trap = null;
      client.destroy();
      upstream.once('data', () => upstream.destroy());
    });
    client.on('end', () => upstream.end());
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cutAll = (): void => sockets.forEach((socket) => socket.destroy());
  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      open = false;
      cutAll();
    },
    restore() {
      open = true;
    },
    loseAnswerTo(bytes) {
      trap = Buffer.from(bytes);
    },
    close: () =>
      new Promise((resolve) => {
        cutAll();
        server.close(() => resolve());
      }),
  };
}
