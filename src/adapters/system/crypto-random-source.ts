import { randomInt } from 'node:crypto';
import { RandomSource } from '../../application/ports/random-source';

const RESOLUTION = 2 ** 48;

/** Uniform draws from the OS's CSPRNG, so nobody can predict a box's prize from earlier ones. */
export class CryptoRandomSource implements RandomSource {
  next(): number {
    return randomInt(RESOLUTION) / RESOLUTION;
  }
}
