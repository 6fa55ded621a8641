/** The structured log lines of a server process (one JSON object a line on standard error). */
export const logLines = (stderr: string): Record<string, unknown>[] =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Its lines at pino's error level or above: what a 500 reported. */
export const errorLogLines = (stderr: string): Record<string, unknown>[] =>
  logLines(stderr).filter((line) => Number(line.level) >= 50);
