import { Clock } from '../../src/application/ports/clock';

/** A clock that says what the test tells it, so day boundaries and expiry can be checked to the millisecond. */
export class FixedClock implements Clock {
  constructor(private current: Date = new Date('2026-11-01T00:00:00Z')) {}

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
