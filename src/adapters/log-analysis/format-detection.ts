import { ClfLineParser } from './clf-line-parser';
import { JsonLineParser } from './json-line-parser';
import { LogFormat, NAMED_LOG_FORMATS, NamedLogFormat } from './log-format';
import { LineParser } from './line-parser';
import { LogRecord } from './log-record';

export type FormatName = NamedLogFormat | 'forte-json';
export const FORMAT_NAMES: readonly FormatName[] = ['forte-json', 'forte', 'combined', 'common'];

export function parserFor(format: FormatName): LineParser {
  return format === 'forte-json' ? new JsonLineParser() : ClfLineParser.of(new LogFormat(NAMED_LOG_FORMATS[format]));
}

/**
 * Picks the format under which most sample lines parse completely; ties go to the richer format (forte-json,
 * then forte, combined, common), since a forte line also reads as combined. Falls back to whichever parses the
 * most lines at all, then to combined.
 */
export function detectFormat(lines: readonly Buffer[]): FormatName {
  const record = new LogRecord();
  let best: FormatName = 'combined';
  let bestScore = 0;
  for (const format of FORMAT_NAMES) {
    const parser = parserFor(format);
    let complete = 0;
    let parsed = 0;
    for (const line of lines) {
      if (!parser.parse(record, line, 0, line.length)) continue;
      parsed++;
      if (parser.complete) complete++;
    }
    // Complete parses dominate; plain parses only break a tie at zero.
    const score = complete * (lines.length + 1) + parsed;
    if (score > bestScore) {
      best = format;
      bestScore = score;
    }
  }
  return best;
}
