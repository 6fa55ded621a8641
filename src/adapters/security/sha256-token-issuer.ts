import { createHash, randomBytes } from 'node:crypto';
import { TokenIssuer } from '../../application/ports/token-issuer';

/** 256-bit random tokens; a SHA-256 digest is enough to store them, since they are not guessable passwords. */
export class Sha256TokenIssuer implements TokenIssuer {
  issue(): { token: string; hash: string } {
    const token = `forte_${randomBytes(32).toString('base64url')}`;
    return { token, hash: this.hash(token) };
  }

  hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }
}
