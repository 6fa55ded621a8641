/*
 * Preloaded into the measured forte-cli (`node --require`): on exit, writes the process's peak resident memory
 * (kilobytes) and CPU time (microseconds, user and system), from getrusage, to the file FORTE_BENCH_RSS_FILE names.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.FORTE_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime }));
  });
}
