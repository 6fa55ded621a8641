import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GitRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Git with nothing of this machine's configuration or of an outer git process: its own home, fixed identity. */
export function sandboxEnv(extra: Record<string, string> = {}): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'forte-git-home-'));
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Forte Test',
    GIT_AUTHOR_EMAIL: 'test@forte.invalid',
    GIT_COMMITTER_NAME: 'Forte Test',
    GIT_COMMITTER_EMAIL: 'test@forte.invalid',
    ...extra,
  };
}

export function run(command: string, args: string[], cwd: string, env: Record<string, string>, input?: string): GitRun {
  const outcome = spawnSync(command, args, { cwd, env, input, encoding: 'utf8', timeout: 60_000 });
  return { status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr };
}

/** A new repository on branch main, in a fresh folder; `git` runs in it and fails the test on a non-zero exit. */
export function newRepository(env: Record<string, string>): { dir: string; git(...args: string[]): string } {
  const dir = mkdtempSync(join(tmpdir(), 'forte-repo-'));
  mkdirSync(dir, { recursive: true });
  const git = (...args: string[]): string => {
    const outcome = run('git', args, dir, env);
    if (outcome.status !== 0) throw new Error(`git ${args.join(' ')} failed:\n${outcome.stderr}${outcome.stdout}`);
    return outcome.stdout.trim();
  };
  git('init', '-q', '-b', 'main');
  return { dir, git };
}
