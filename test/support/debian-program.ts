import { spawnSync } from 'node:child_process';

/**
 * The path of a program the tests need from a Debian package; a missing one fails the test with the package to
 * install (`.ci/run` installs it), rather than skipping what it checks.
 */
export function debianProgram(name: string, debianPackage: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  if (found.status !== 0 || path === '') {
    throw new Error(`${name} is missing: apt-get install ${debianPackage} (.ci/run installs it)`);
  }
  return path;
}
