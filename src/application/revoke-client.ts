import { Client } from '../domain/client';
import { FailureOf } from '../domain/failure';
import { fail, ok, Result } from '../domain/result';
import { Clock } from './ports/clock';
import { UnitOfWork } from './ports/unit-of-work';

/** Revokes a client's token at once; revoking twice keeps the first time. */
export class RevokeClient {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(input: { name: string }): Promise<Result<Client, FailureOf<'ClientNotFound'>>> {
    return this.uow.run(async (tx) => {
      const client = await tx.clients.findByName(input.name);
      if (!client) return fail({ type: 'ClientNotFound' });
      if (client.revokedAt) return ok(client);
      const revoked = { ...client, revokedAt: this.clock.now() };
      await tx.clients.save(revoked);
      return ok(revoked);
    });
  }
}
