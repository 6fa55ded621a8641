import { randomBytes } from 'node:crypto';
import { LinkCodes } from '../../application/ports/link-codes';

/** 72 random bits in 12 URL-safe characters: a link expires long before anyone could guess another's. */
export class RandomLinkCodes implements LinkCodes {
  next(): string {
    return randomBytes(9).toString('base64url');
  }
}
