import { Client } from '../domain/client';
import { UnitOfWork } from './ports/unit-of-work';

export class ListClients {
  constructor(private readonly uow: UnitOfWork) {}

  execute(): Promise<Client[]> {
    return this.uow.read((reads) => reads.clients.list());
  }
}
