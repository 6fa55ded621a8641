import type * as Hdr from 'hdr-histogram-js';

/** Loaded on the first response time: hdr-histogram-js weighs ~15 MB, and most logs have no times. */
let hdr: typeof Hdr | null = null;

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
  private readonly histogram: Hdr.Histogram;

  constructor() {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at start-up
    hdr ??= require('hdr-histogram-js') as typeof Hdr;
    this.histogram = hdr.build({ lowestDiscernibleValue: 1, numberOfSignificantValueDigits: 3, autoResize: true });
  }

  record(microseconds: number): void {
    this.histogram.recordValue(microseconds < 1 ? 1 : microseconds);
  }

  summary(): LatencySummary {
    // Percentiles come back as the top of their 0.1%-wide bucket (3000 µs reads 3001): 3 significant digits say
    // what is known. The maximum is exact.
    const percentile = (p: number): number => Number((this.histogram.getValueAtPercentile(p) / 1000).toPrecision(3));
    return {
      count: this.histogram.totalCount,
      p50_ms: percentile(50),
      p90_ms: percentile(90),
      p99_ms: percentile(99),
      max_ms: this.histogram.maxValue / 1000,
    };
  }
}
