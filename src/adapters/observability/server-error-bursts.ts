import { OpsNotifier } from '../../application/ports/ops-notifier';

export interface BurstOptions {
  /** How many 5xx answers within the window make a burst. */
  threshold: number;
  windowMs: number;
  now?: () => number;
}

/**
 * Watches the answers and tells the ops channel when 5xx answers come in a burst (`threshold` within `windowMs`),
 * at most once a window, naming the routes and statuses; a lone fault is Sentry's, not the channel's.
 */
export function serverErrorBursts(
  notifier: OpsNotifier,
  options: BurstOptions,
): (answer: { status: number; method: string; route: string }) => void {
  const now = options.now ?? Date.now;
  let recent: { at: number; what: string }[] = [];
  let toldAt = -Infinity;
  return (answer) => {
    if (answer.status < 500) return;
    const at = now();
    recent = [
      ...recent.filter((entry) => at - entry.at < options.windowMs),
      { at, what: `${answer.status} ${answer.method} ${answer.route}` },
    ];
    if (recent.length < options.threshold || at - toldAt < options.windowMs) return;
    toldAt = at;
    const counts = new Map<string, number>();
    for (const entry of recent) counts.set(entry.what, (counts.get(entry.what) ?? 0) + 1);
    notifier.notify({
      title: `${recent.length} answers 5xx within ${Math.round(options.windowMs / 1000)} s`,
      severity: 'error',
      description: [...counts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10)
        .map(([what, count]) => `${count} × ${what}`)
        .join('\n'),
    });
  };
}
