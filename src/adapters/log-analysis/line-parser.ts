import { LineFault } from './log-format';
import { LogRecord } from './log-record';

/** What every format's parser offers the reader: fill a record from one line's bytes. */
export interface LineParser {
  /** false when the line does not parse; `fault` then says why. */
  parse(record: LogRecord, buf: Buffer, start: number, end: number): boolean;
  /** After a successful parse: every field of the format was there and clean (used to detect the format). */
  readonly complete: boolean;
  readonly fault: LineFault | null;
}
