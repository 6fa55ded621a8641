import { ClfLineParser } from './clf-line-parser';
import { DateTimePattern } from './date-time-pattern';
import { detectFormat, FormatName, parserFor } from './format-detection';
import { LineParser } from './line-parser';
import { LineSplitter } from './line-splitter';
import { LogFormat } from './log-format';
import { FIELD, LogRecord } from './log-record';
import { fitsInPlace, inputPlace } from './input-place';
import { RecordSink } from './record-sink';

export interface FormatChoice {
  /** A named format; absent → detected from the first lines. */
  format?: FormatName;
  /** A GoAccess-style `--log-format`, with its date and time formats. */
  logFormat?: string;
  dateFormat?: string;
  timeFormat?: string;
}

/** One input's lines: its own splitter (a line cut between two reads stays with its file) and line count. */
export interface InputLines {
  push(chunk: Buffer): void;
  /** The input is over: its last line, if it had no line break, is counted. */
  end(): void;
  readonly count: number;
}

const DETECTION_LINES = 50;
/** Lines GoAccess does not count at all: empty ones and `#` comments (W3C/IIS headers). */
const isIgnoredLine = (buf: Buffer, start: number, end: number): boolean => start === end || buf[start] === 0x23;

/**
 * Lines into parsed records into a sink. The format is fixed by the caller or detected from the first lines (held
 * back until then, or until `settleFormat`); a line that does not parse is counted and sampled, never fatal.
 */
export class LineFeed {
  private parser: LineParser | null = null;
  formatName = '';
  private readonly record = new LogRecord();
  private readonly held: { input: string; line: number; bytes: Buffer; index: number; at: number }[] = [];

  constructor(
    choice: FormatChoice,
    private readonly sink: RecordSink,
  ) {
    if (choice.logFormat) {
      this.parser = ClfLineParser.of(
        new LogFormat(
          choice.logFormat,
          choice.dateFormat ? new DateTimePattern(choice.dateFormat) : undefined,
          choice.timeFormat ? new DateTimePattern(choice.timeFormat) : undefined,
        ),
      );
      this.formatName = choice.logFormat;
    } else if (choice.format) {
      this.parser = parserFor(choice.format);
      this.formatName = choice.format;
    }
  }

  /**
   * `index`: the input's index among those the report is given, when its lines can be read again where they lie
   * (a regular file, not compressed): request keys are then found again there rather than kept as bytes.
   */
  openInput(name: string, index = -1): InputLines {
    let count = 0;
    const splitter = new LineSplitter({
      line: (buf, start, end, at) => {
        count++;
        if (isIgnoredLine(buf, start, end)) return;
        if (this.parser) return this.handle(name, count, buf, start, end, index, at);
        this.held.push({ input: name, line: count, bytes: Buffer.from(buf.subarray(start, end)), index, at });
        if (this.held.length === DETECTION_LINES) this.settleFormat();
      },
      tooLong: (bytes) => {
        const note = Buffer.from(`(${bytes} bytes)`);
        this.sink.fail(name, count, 'too-long', note, 0, note.length);
      },
    });
    return {
      push: (chunk) => splitter.push(chunk),
      end: () => splitter.end(),
      get count() {
        return count;
      },
    };
  }

  /**
   * Detects the format from the lines held so far (if not yet known) and counts them; `evenIfNone` settles on the
   * default format when no line came at all.
   */
  settleFormat(evenIfNone = true): void {
    if (this.parser || (!evenIfNone && !this.held.length)) return;
    const detected = detectFormat(this.held.map((entry) => entry.bytes));
    this.parser = parserFor(detected);
    this.formatName = detected;
    for (const entry of this.held)
      this.handle(entry.input, entry.line, entry.bytes, 0, entry.bytes.length, entry.index, entry.at);
    this.held.length = 0;
  }

  private handle(
    input: string,
    line: number,
    buf: Buffer,
    start: number,
    end: number,
    index: number,
    at: number,
  ): void {
    const parser = this.parser!;
    const record = this.record;
    if (parser.parse(record, buf, start, end)) {
      const url = record.start(FIELD.url);
      if (index >= 0 && record.buf === buf && url >= 0 && fitsInPlace(index, at + url - start))
        record.urlPlace = inputPlace(index, at + url - start);
      this.sink.add(record);
    } else this.sink.fail(input, line, parser.fault ?? 'token', buf, start, end);
  }
}
