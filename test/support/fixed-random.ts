import { RandomSource } from '../../src/application/ports/random-source';

/** A random source that draws what the test tells it, so a box's prize is known before it is opened. */
export class FixedRandom implements RandomSource {
  constructor(private draw = 0) {}

  next(): number {
    return this.draw;
  }

  set(draw: number): void {
    this.draw = draw;
  }
}
