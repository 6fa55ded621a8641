import { statSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { FORMAT_NAMES, FormatName } from '../../adapters/log-analysis/format-detection';
import { DEFAULT_DATE_FORMAT, DEFAULT_TIME_FORMAT } from '../../adapters/log-analysis/log-format';
import { analyseAccessLogs } from '../../adapters/log-analysis/log-analysis';
import { EXIT } from '../exit-codes';
import { whyNotWritable, writeFileAtomically } from '../logs/atomic-write';
import { renderCsv } from '../logs/csv-output';
import { runFollow } from '../logs/follow-mode';
import { renderHtml } from '../logs/html-output';
import { renderGoAccessJson } from '../logs/goaccess-json-output';
import { renderJson } from '../logs/json-output';
import { startProgress } from '../logs/progress';
import { renderTerminal } from '../logs/terminal-output';
import { parseTimeBound } from '../logs/time-bound';

interface LogsOptions {
  format?: FormatName;
  logFormat?: string;
  dateFormat?: string;
  timeFormat?: string;
  since?: string;
  until?: string;
  top: number;
  ignorePath: string[];
  route?: string;
  json?: boolean;
  goaccessJson?: boolean;
  csv?: boolean;
  html?: string;
  threads?: '1' | '2';
  follow?: boolean;
  interval: number;
  openDays?: number;
}

/** `--open-days` when not given: a date closes once lines two days later have come. */
const DEFAULT_OPEN_DAYS = 2;
/** A century: past it, the dates to close would be out of a date's range. */
const MAX_OPEN_DAYS = 36_500;

const openDays = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_OPEN_DAYS)
    throw new InvalidArgumentError(`expected a whole number of days from 1 to ${MAX_OPEN_DAYS}`);
  return n;
};

/** A day: a longer interval makes no live report (and past 2^31 ms Node's timers would fire at once). */
const MAX_INTERVAL_SECONDS = 86_400;

const intervalSeconds = (value: string): number => {
  const n = Number(value);
  if (!value.trim() || !Number.isFinite(n) || n <= 0 || n > MAX_INTERVAL_SECONDS)
    throw new InvalidArgumentError(`expected a number of seconds above 0 and at most ${MAX_INTERVAL_SECONDS}`);
  return n;
};

/** An empty format, path or route (an unset shell variable, say) is refused rather than read as none or as all. */
const nonEmpty = (value: string): string => {
  if (!value.trim()) throw new InvalidArgumentError('expected a value that is not empty');
  return value;
};

const positiveInteger = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
};

/** GoAccess's default max-items for a JSON or HTML report. */
const GOACCESS_MAX_ITEMS = 366;

const inputSize = (names: string[]): number =>
  names.reduce((sum, name) => {
    try {
      return sum + (name === '-' ? 0 : statSync(name).size);
    } catch {
      return sum;
    }
  }, 0);

/** `forte-cli logs`: access-log analysis, GoAccess's totals plus routes, clients and latency (docs/logs.md). */
export function registerLogsCommand(program: Command): void {
  program
    .command('logs')
    .description(
      'Analyse web access logs (combined, common, forte, forte-json, or a GoAccess --log-format); - or no file reads stdin',
    )
    .argument('[files...]', 'log files, plain or .gz; - for standard input')
    .addOption(
      new Option('--format <name>', 'log format (detected from the first lines when absent)').choices([
        ...FORMAT_NAMES,
      ]),
    )
    .option('--log-format <spec>', 'GoAccess-style format, e.g. \'%h %^[%d:%t %^] "%r" %s %b "%R" "%u" %T\'', nonEmpty)
    .option(
      '--date-format <spec>',
      `date format for --log-format (strptime style) (default: "${DEFAULT_DATE_FORMAT}")`,
      nonEmpty,
    )
    .option(
      '--time-format <spec>',
      `time format for --log-format (strptime style) (default: "${DEFAULT_TIME_FORMAT}")`,
      nonEmpty,
    )
    .option('--since <iso>', "only lines at or after this ISO 8601 date/time (the log's own offset when none is given)")
    .option('--until <iso>', 'only lines at or before this ISO 8601 date/time')
    .option('--top <n>', 'rows per panel', positiveInteger, 10)
    .option(
      '--ignore-path <prefix>',
      'leave out requests whose path starts with this (repeatable)',
      (v: string, all: string[]) => [...all, nonEmpty(v)],
      [] as string[],
    )
    .option('--route <template>', 'focus on one route template, e.g. /api/v2/users/:id', nonEmpty)
    .option('--json', 'print the report as JSON')
    .option('--goaccess-json', "print the report in GoAccess's own JSON shape (its panels, metadata and rows)")
    .option('--csv', 'print the report as CSV')
    .option('--html <file>', 'write a self-contained HTML report with charts to this file')
    .option(
      '--follow',
      'keep reading the files as they grow (and across rotation), redrawing the report every --interval',
    )
    .option(
      '--interval <seconds>',
      'with --follow: how often to redraw the terminal report or rewrite --html',
      intervalSeconds,
      2,
    )
    .option(
      '--open-days <n>',
      `with --follow: close a date's visitor counting this many days after it, so that memory stays flat (default ${DEFAULT_OPEN_DAYS})`,
      openDays,
    )
    .addOption(
      new Option(
        '--threads <n>',
        'parse on one thread and count on another (2), or do both on one (1, the default)',
      ).choices(['1', '2']),
    )
    .action(async (files: string[], options: LogsOptions) => {
      process.exitCode = await runLogs(files, options);
    });
}

async function runLogs(files: string[], options: LogsOptions): Promise<number> {
  if (!files.length && process.stdin.isTTY) {
    // Reading a terminal would wait for typed log lines: more likely the file was forgotten.
    process.stderr.write('forte-cli logs: no input: give log files, or pipe a log to standard input\n');
    return EXIT.usageOrFault;
  }
  const fault = formatOptionsFault(options);
  if (fault) {
    process.stderr.write(`forte-cli logs: ${fault}\n`);
    return EXIT.usageOrFault;
  }
  let since;
  let until;
  try {
    since = options.since ? parseTimeBound(options.since, 'start') : undefined;
    until = options.until ? parseTimeBound(options.until, 'end') : undefined;
  } catch (error) {
    process.stderr.write(`forte-cli logs: ${(error as Error).message}\n`);
    return EXIT.usageOrFault;
  }
  const unwritable = options.html ? whyNotWritable(options.html) : null;
  if (unwritable) {
    process.stderr.write(`forte-cli logs: cannot write the HTML report to ${options.html}: ${unwritable}\n`);
    return EXIT.usageOrFault;
  }
  const choice = options.logFormat
    ? { logFormat: options.logFormat, dateFormat: options.dateFormat, timeFormat: options.timeFormat }
    : { format: options.format };
  const filters = { since, until, ignorePaths: options.ignorePath, route: options.route };
  if (options.openDays !== undefined && !options.follow) {
    process.stderr.write('forte-cli logs: --open-days is for --follow: a one-shot report keeps every date open\n');
    return EXIT.usageOrFault;
  }
  if (options.follow) {
    const staticOutputs = [options.csv && '--csv', options.goaccessJson && '--goaccess-json'].filter((o): o is string =>
      Boolean(o),
    );
    return runFollow({
      files,
      choice,
      filters,
      top: options.top,
      intervalSeconds: options.interval,
      openDays: options.openDays ?? DEFAULT_OPEN_DAYS,
      html: options.html,
      json: options.json,
      staticOutputs,
    });
  }
  const progress = startProgress();
  const started = process.hrtime.bigint();
  let report;
  try {
    report = await analyseAccessLogs(files.length ? files : ['-'], choice, filters, {
      top: options.top,
      panelRows: options.goaccessJson ? GOACCESS_MAX_ITEMS : options.top,
      // GoAccess's JSON alone prints no routes, error counts, referrers or timeline: they need not be counted.
      scope: options.goaccessJson && !options.json && !options.html ? 'panels' : 'all',
      onInput: progress.onInput,
      worker: options.threads === '2',
    });
  } catch (error) {
    // Only a bad --log-format gets here: inputs that fail are reported in the result.
    process.stderr.write(`forte-cli logs: ${(error as Error).message}\n`);
    return EXIT.usageOrFault;
  } finally {
    progress.stop();
  }
  if (options.html) {
    writeFileAtomically(options.html, renderHtml(report));
    process.stderr.write(`forte-cli logs: wrote the HTML report to ${options.html}\n`);
  }
  if (options.json) process.stdout.write(renderJson(report));
  else if (options.goaccessJson) {
    const generationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stdout.write(
      renderGoAccessJson(report, {
        generationSeconds,
        logSize: inputSize(report.inputs.map((i) => i.name)),
        now: new Date(),
      }),
    );
  } else if (options.csv) process.stdout.write(renderCsv(report));
  else if (!options.html) process.stdout.write(renderTerminal(report, process.stdout.isTTY === true));

  for (const input of report.inputs)
    if (input.error) process.stderr.write(`forte-cli logs: ${input.name}: ${input.error}\n`);
  if (report.skipped.total) {
    process.stderr.write(
      `forte-cli logs: ${report.skipped.total} of ${report.general.total_requests} lines skipped (${Object.entries(
        report.skipped.by_reason,
      )
        .map(([r, n]) => `${r}: ${n}`)
        .join(', ')})\n`,
    );
  }
  if (report.inputs.every((input) => input.error && input.lines === 0)) return EXIT.usageOrFault;
  if (report.general.valid_requests + report.general.excluded_hits === 0) {
    process.stderr.write('forte-cli logs: no line could be parsed\n');
    return EXIT.usageOrFault;
  }
  return EXIT.ok;
}

/** Format options that contradict each other or would be ignored; null when they are consistent. */
function formatOptionsFault(options: LogsOptions): string | null {
  if (options.format && options.logFormat) return 'give --format or --log-format, not both';
  if ((options.dateFormat || options.timeFormat) && !options.logFormat)
    return '--date-format and --time-format are for --log-format (a named format has its own)';
  return null;
}
