import { Client } from '../domain/client';
import { TokenIssuer } from './ports/token-issuer';
import { UnitOfWork } from './ports/unit-of-work';

/** The client a token belongs to, or null for an unknown or revoked token. */
export class AuthenticateClient {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: TokenIssuer,
  ) {}

  async execute(token: string): Promise<Client | null> {
    const client = await this.uow.read((reads) => reads.clients.findByTokenHash(this.tokens.hash(token)));
    return client && client.revokedAt === null ? client : null;
  }
}
