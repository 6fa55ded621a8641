/** A bot user. `points` is the balance, always the sum of the user's receipts. */
export interface User {
  id: number;
  discordId: string;
  name: string;
  email: string | null;
  points: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export interface NewUser {
  discordId: string;
  name: string;
  email: string | null;
  createdAt: Date;
}

export const NAME_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;

/** A soft-deleted user keeps its history but is gone for every API answer. */
export const isActive = (user: User | null): user is User => user !== null && user.deletedAt === null;
