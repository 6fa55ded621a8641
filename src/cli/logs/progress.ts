import type * as CliProgress from 'cli-progress';
import { LogInput } from '../../adapters/log-analysis/log-input';

/** Inputs smaller than this finish before a bar would be worth drawing. */
const WORTH_A_BAR = 8 << 20;

/**
 * A progress bar on standard error while big files are read, only when it is a terminal (never in pipes, CI or
 * tests). Returns the callback for each opened input and a function that stops the bar.
 */
export function startProgress(stream: NodeJS.WriteStream = process.stderr): {
  onInput: (input: LogInput) => void;
  stop: () => void;
} {
  if (!stream.isTTY) return { onInput: () => undefined, stop: () => undefined };
  let bar: CliProgress.SingleBar | null = null;
  let timer: NodeJS.Timeout | null = null;
  const stop = (): void => {
    if (timer) clearInterval(timer);
    bar?.stop();
    bar = null;
    timer = null;
  };
  return {
    onInput(input) {
      stop();
      if (input.size === null || input.size < WORTH_A_BAR) return;
      // Loaded only when a bar is drawn: never in pipes, where start-up memory is measured.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at start-up
      const { SingleBar, Presets } = require('cli-progress') as typeof CliProgress;
      bar = new SingleBar(
        { stream, format: `${input.name} [{bar}] {percentage}% {value}/{total} MB`, hideCursor: true },
        Presets.shades_classic,
      );
      const mb = (bytes: number): number => Math.round(bytes / 1048576);
      bar.start(mb(input.size), 0);
      timer = setInterval(() => bar?.update(mb(input.bytesRead())), 200);
      timer.unref();
    },
    stop,
  };
}
