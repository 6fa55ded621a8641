import { Client } from '../domain/client';
import { FailureOf } from '../domain/failure';
import { NetworkBlock } from '../domain/network-block';
import { fail, ok, Result } from '../domain/result';
import { UnitOfWork } from './ports/unit-of-work';

/**
 * Sets where a client may call from (its allowed networks), or lets it call from anywhere again (null). Every
 * process applies it within the token lookup's age (half a second), as it does a revocation.
 */
export class RestrictClient {
  constructor(private readonly uow: UnitOfWork) {}

  execute(input: {
    name: string;
    allowedNetworks: NetworkBlock[] | null;
  }): Promise<Result<Client, FailureOf<'ClientNotFound'>>> {
    return this.uow.run(async (tx) => {
      const client = await tx.clients.findByName(input.name);
      if (!client) return fail({ type: 'ClientNotFound' });
      const restricted = { ...client, allowedNetworks: input.allowedNetworks };
      await tx.clients.save(restricted);
      return ok(restricted);
    });
  }
}
