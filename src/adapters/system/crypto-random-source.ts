import { randomBytes } from 'node:crypto';
import { RandomSource } from '../../application/ports/random-source';

/** 48 random bits: every multiple of 2^-48 in [0, 1) is an exact double, so the draw is uniform and below 1. */
const BYTES = 6;
const RESOLUTION = 2 ** (8 * BYTES);

/**
 * Uniform draws from the OS's CSPRNG, so nobody can predict a box's prize from earlier ones. (`randomInt` cannot
 * serve: its range must stay below 2^48.)
 */
export class CryptoRandomSource implements RandomSource {
  next(): number {
    return randomBytes(BYTES).readUIntBE(0, BYTES) / RESOLUTION;
  }
}
