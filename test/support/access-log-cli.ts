import { AccessLogReport } from '../../src/adapters/log-analysis/access-log-report';
import { CliRun, runCli } from './forte-cli';

export function runLogs(args: string[], input?: string | Buffer): CliRun {
  return runCli(['logs', ...args], { input, cwd: process.cwd() });
}

export function runLogsJson(args: string[], input?: string | Buffer): CliRun & { report: AccessLogReport } {
  const run = runLogs([...args, '--json'], input);
  return { ...run, report: run.stdout ? JSON.parse(run.stdout) : null };
}
