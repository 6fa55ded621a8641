import { createServer } from 'node:net';

/**
 * A port free right now, for a server whose address must be configured before it starts (the panel's PUBLIC_URL,
 * registered with the Discord emulator as the redirect).
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
