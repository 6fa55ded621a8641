import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { whyNotWritable, writeFileAtomically } from '../../../src/cli/logs/atomic-write';

describe('writing a report file whole or not at all', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forte-atomic-write-'));

  it('replaces the file and leaves nothing beside it', () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, 'old');
    writeFileAtomically(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['report.html']);
    expect(whyNotWritable(file)).toBeNull();
  });

  it('leaves no temporary file behind when the rename fails', () => {
    const folder = join(dir, 'taken');
    mkdirSync(join(folder, 'inside'), { recursive: true });
    expect(() => writeFileAtomically(folder, 'x')).toThrow();
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(whyNotWritable(folder)).toBe('it is a folder');
  });

  it('tells why a file cannot be written before anything is', () => {
    expect(whyNotWritable(join(dir, 'missing', 'r.html'))).toBe(`its folder ${join(dir, 'missing')} does not exist`);
    expect(whyNotWritable(join(dir, 'report.html', 'r.html'))).toBe(`${join(dir, 'report.html')} is not a folder`);
  });
});
