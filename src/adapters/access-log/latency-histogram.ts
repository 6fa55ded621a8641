import * as hdr from 'hdr-histogram-js';

export interface LatencySummary {
  count: number;
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  max_ms: number;
}

/**
 * Response times in microseconds in an HDR histogram: constant memory per route, percentiles within 0.1%
 * (3 significant digits), well inside the 1% the spec allows.
 */
export class LatencyHistogram {
  private readonly histogram = hdr.build({ lowestDiscernibleValue: 1, numberOfSignificantValueDigits: 3, autoResize: true });

  record(microseconds: number): void {
    this.histogram.recordValue(microseconds < 1 ? 1 : microseconds);
  }

  summary(): LatencySummary {
    const ms = (us: number): number => Math.round(us) / 1000;
    return {
      count: this.histogram.totalCount,
      p50_ms: ms(this.histogram.getValueAtPercentile(50)),
      p90_ms: ms(this.histogram.getValueAtPercentile(90)),
      p99_ms: ms(this.histogram.getValueAtPercentile(99)),
      max_ms: ms(this.histogram.maxValue),
    };
  }
}
