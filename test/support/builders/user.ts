import { User } from '../../../src/domain/user';
import { Builder, BUILT_AT } from './builder';

class UserBuilder extends Builder<User> {
  withId(id: number): this {
    return this.with({ id });
  }

  withPoints(points: number): this {
    return this.with({ points });
  }

  deletedAt(deletedAt: Date): this {
    return this.with({ deletedAt });
  }
}

export const aUser = (): UserBuilder =>
  new UserBuilder({
    id: 7,
    discordId: '368003617146880001',
    name: 'lara',
    email: null,
    points: 0,
    createdAt: BUILT_AT,
    updatedAt: BUILT_AT,
    deletedAt: null,
  });
