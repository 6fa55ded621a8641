import { z } from 'zod';
import { User } from '../../../domain/user';
import { UserResponse } from '../schemas/user-schemas';

export const presentUser = (user: User): z.infer<typeof UserResponse> => ({
  id: user.id,
  discord_id: user.discordId,
  name: user.name,
  email: user.email,
  points: user.points,
  created_at: user.createdAt.toISOString(),
  updated_at: user.updatedAt.toISOString(),
});
