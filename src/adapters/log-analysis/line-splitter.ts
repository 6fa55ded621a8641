/** Lines longer than this are counted as skipped ('too-long') rather than buffered without bound. */
export const MAX_LINE_BYTES = 4 << 20;

export interface LineSink {
  /**
   * One line: buf[start..end), without its line break (and without a trailing CR); `at` is where the line starts
   * in the input (the bytes pushed before it).
   */
  line(buf: Buffer, start: number, end: number, at: number): void;
  /** A line over MAX_LINE_BYTES, dropped. */
  tooLong(bytes: number): void;
}

/**
 * Cuts chunks into lines. Whole lines are handed over in place inside the chunk; only a line that straddles two
 * chunks is copied, into a carry buffer that grows up to MAX_LINE_BYTES.
 */
export class LineSplitter {
  private carry = Buffer.allocUnsafe(64 * 1024);
  private carried = 0;
  /** Bytes pushed before the current chunk, and where the carried line starts in the input. */
  private pushed = 0;
  private carryAt = 0;
  private dropping = false;
  private droppedBytes = 0;

  constructor(private readonly sink: LineSink) {}

  push(chunk: Buffer): void {
    let start = 0;
    if (this.carried > 0 || this.dropping) {
      const newline = chunk.indexOf(10);
      if (newline < 0) {
        this.keep(chunk, 0, chunk.length);
        this.pushed += chunk.length;
        return;
      }
      this.keep(chunk, 0, newline);
      this.flushCarry();
      start = newline + 1;
    }
    for (;;) {
      const newline = chunk.indexOf(10, start);
      if (newline < 0) break;
      this.emit(chunk, start, newline, this.pushed + start);
      start = newline + 1;
    }
    if (start < chunk.length) this.keep(chunk, start, chunk.length);
    this.pushed += chunk.length;
  }

  /** The last line, when the input does not end with a line break. */
  end(): void {
    if (this.carried > 0 || this.dropping) this.flushCarry();
  }

  private emit(buf: Buffer, start: number, end: number, at: number): void {
    if (end > start && buf[end - 1] === 13) end--;
    this.sink.line(buf, start, end, at);
  }

  private keep(chunk: Buffer, start: number, end: number): void {
    const length = end - start;
    if (this.carried === 0) this.carryAt = this.pushed + start;
    if (this.dropping || this.carried + length > MAX_LINE_BYTES) {
      this.dropping = true;
      this.droppedBytes += this.carried + length;
      this.carried = 0;
      return;
    }
    if (this.carried + length > this.carry.length) {
      const bigger = Buffer.allocUnsafe(
        Math.min(MAX_LINE_BYTES, Math.max(this.carry.length * 2, this.carried + length)),
      );
      this.carry.copy(bigger, 0, 0, this.carried);
      this.carry = bigger;
    }
    chunk.copy(this.carry, this.carried, start, end);
    this.carried += length;
  }

  private flushCarry(): void {
    if (this.dropping) this.sink.tooLong(this.droppedBytes);
    else this.emit(this.carry, 0, this.carried, this.carryAt);
    this.carried = 0;
    this.dropping = false;
    this.droppedBytes = 0;
  }
}
