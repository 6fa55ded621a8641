import { Client } from '../domain/client';
import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { Scope } from '../domain/scope';
import { Clock } from './ports/clock';
import { TokenIssuer } from './ports/token-issuer';
import { UnitOfWork } from './ports/unit-of-work';

/** Registers a bot; its token is returned this once and only its hash is kept. */
export class CreateClient {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: TokenIssuer,
    private readonly clock: Clock,
  ) {}

  execute(input: {
    name: string;
    scopes: Scope[];
  }): Promise<Result<{ client: Client; token: string }, FailureOf<'ClientNameTaken'>>> {
    return this.uow.run(async (tx) => {
      const { token, hash } = this.tokens.issue();
      const client = await tx.clients.insert({
        name: input.name,
        scopes: [...new Set(input.scopes)],
        tokenHash: hash,
        createdAt: this.clock.now(),
      });
      return client === 'name_taken' ? fail({ type: 'ClientNameTaken' }) : ok({ client, token });
    });
  }
}
