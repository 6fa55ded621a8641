import { Client } from '../domain/client';
import { ExpiringCache } from './expiring-cache';
import { Clock } from './ports/clock';
import { TokenIssuer } from './ports/token-issuer';
import { UnitOfWork } from './ports/unit-of-work';

/**
 * How long a process may go on answering for a token it looked up: a revoked token is refused within a second in
 * every process (PRODUCT.md §6), and a busy process looks each token up twice a second instead of per request.
 */
export const TOKEN_LOOKUP_MAX_AGE_MS = 500;
const TOKENS_KEPT = 10_000;

/** The client a token belongs to, or null for an unknown or revoked token. */
export class AuthenticateClient {
  /** By the token itself: a hit costs no hashing. The tokens stay in this process's memory, as in its requests'. */
  private readonly lookups: ExpiringCache<string, Client | null>;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: TokenIssuer,
    clock: Clock,
  ) {
    this.lookups = new ExpiringCache(clock, TOKEN_LOOKUP_MAX_AGE_MS, TOKENS_KEPT);
  }

  async execute(token: string): Promise<Client | null> {
    const client = await this.lookups.get(token, () =>
      this.uow.read((reads) => reads.clients.findByTokenHash(this.tokens.hash(token))),
    );
    return client && client.revokedAt === null ? client : null;
  }
}
