import { build } from 'hdr-histogram-js';

/** Latencies in milliseconds, kept at 0.01 ms resolution in bounded memory. */
export class Histogram {
  private readonly hundredths = build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 6_000_000,
    numberOfSignificantValueDigits: 3,
  });

  record(ms: number): void {
    this.hundredths.recordValue(Math.max(1, Math.round(ms * 100)));
  }

  p99(): number {
    return this.hundredths.getValueAtPercentile(99) / 100;
  }
}
