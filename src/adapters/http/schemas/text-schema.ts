import { z } from 'zod';
import { isWellFormedText } from '../../../domain/text';

/** Text a client sends for Forte to store: within its length, and well-formed so it is stored as it was sent. */
export const storedText = (maxLength: number) =>
  z
    .string()
    .min(1)
    .max(maxLength)
    .refine(isWellFormedText, { error: 'must be well-formed Unicode (a lone UTF-16 surrogate cannot be stored)' });
