import { Context, Middleware } from 'koa';
import { Client } from '../../domain/client';
import { NetworkBlock } from '../../domain/network-block';
import { HttpDependencies } from './http-dependencies';
import { HttpProblem } from './http-problem';

/** `Bearer <token>`, or the bare `<token>` that the bots already in service send. */
const AUTHORIZATION = /^(?:Bearer\s+)?(\S+)$/i;

/**
 * Resolves the request's client token, or answers 401; a client with allowed networks calling from elsewhere is
 * answered 403 `ADDRESS_NOT_ALLOWED`. The client is kept for the route and the access log.
 */
export function authenticate(
  clients: HttpDependencies['authenticateClient'],
  networkCheck: HttpDependencies['networkCheck'],
): Middleware {
  // One matcher per list the client lookups hand out (they are kept for half a second), not one per request.
  const matchers = new WeakMap<NetworkBlock[], (ip: string) => boolean>();
  const admits = (networks: NetworkBlock[], ip: string): boolean => {
    let matches = matchers.get(networks);
    if (!matches) matchers.set(networks, (matches = networkCheck(networks)));
    return matches(ip);
  };
  return async (ctx, next) => {
    const token = AUTHORIZATION.exec(ctx.get('Authorization').trim())?.[1];
    const client = token === undefined ? null : await clients.execute(token);
    if (!client) throw new HttpProblem(401, 'UNAUTHENTICATED', 'A valid client token is required.');
    if (client.allowedNetworks !== null && !admits(client.allowedNetworks, ctx.ip)) {
      throw new HttpProblem(403, 'ADDRESS_NOT_ALLOWED', 'This client may not call from this address.');
    }
    ctx.state.client = client;
    await next();
  };
}

/** The client that `authenticate` admitted, or null before authentication (or on an open route). */
export function clientOf(ctx: Context): Client | null {
  const client: unknown = ctx.state.client;
  return (client as Client | undefined) ?? null;
}

/** The admitted client of a route behind `authenticate`; its absence is a wiring bug, hence a plain Error. */
export function authenticatedClient(ctx: Context): Client {
  const client = clientOf(ctx);
  if (!client) throw new Error(`${ctx.method} ${ctx.path} runs without the authenticate middleware`);
  return client;
}
