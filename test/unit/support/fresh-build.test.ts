import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertFreshBuild } from '../../support/fresh-build';

describe('assertFreshBuild (the end-to-end tests refuse a stale dist/)', () => {
  const root = mkdtempSync(join(tmpdir(), 'forte-fresh-build-'));
  const write = (path: string, secondsAgo: number): void => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), '');
    const at = Date.now() / 1000 - secondsAgo;
    utimesSync(join(root, path), at, at);
  };

  it('refuses a checkout that was never built', () => {
    write('src/cli/main.ts', 60);
    expect(() => assertFreshBuild(root)).toThrow(/dist\/ is not built: run `npm run build`/);
  });

  it('accepts a build newer than every source, and names the first source edited after it', () => {
    write('migrations/0001_create_users.ts', 60);
    write('dist/tsconfig.tsbuildinfo', 30);
    expect(() => assertFreshBuild(root)).not.toThrow();
    write('src/domain/points.ts', 10);
    expect(() => assertFreshBuild(root)).toThrow('dist/ is older than src/domain/points.ts: run `npm run build`');
  });
});
