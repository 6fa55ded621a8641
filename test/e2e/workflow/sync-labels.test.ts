import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { EmulatedLabel, GitHubLabelsEmulator, startGitHubLabelsEmulator } from '../../support/github-labels-emulator';
import { runProcess } from '../../support/run-process';

const ROOT = join(__dirname, '../../..');
const SCRIPT = join(ROOT, 'scripts/sync-labels.js');
const WANTED: Array<{ name: string; color: string; description: string }> = YAML.parse(
  readFileSync(join(ROOT, '.github/labels.yml'), 'utf8'),
);
const REPO = 'forte-team/forte';
const TOKEN = 'ghp_test_token';

// What GitHub gives a new repository, plus two that an earlier hand-made scheme left behind.
const NEW_REPOSITORY: EmulatedLabel[] = [
  { name: 'bug', color: 'd73a4a', description: "Something isn't working" },
  { name: 'documentation', color: '0075ca', description: 'Improvements or additions to documentation' },
  { name: 'duplicate', color: 'cfd3d7', description: 'This issue or pull request already exists' },
  { name: 'enhancement', color: 'a2eeef', description: 'New feature or request' },
  { name: 'good first issue', color: '7057ff', description: 'Good for newcomers' },
  { name: 'help wanted', color: '008672', description: 'Extra attention is needed' },
  { name: 'invalid', color: 'e4e669', description: "This doesn't seem right" },
  { name: 'question', color: 'd876e3', description: 'Further information is requested' },
  { name: 'wontfix', color: 'ffffff', description: 'This will not be worked on' },
  { name: '>버그', color: 'FF0000', description: null },
  { name: 'Priority:High', color: 'd93f0b', description: 'old' },
];

function sync(emulator: GitHubLabelsEmulator | null, args: string[] = [], env: Record<string, string> = {}) {
  return runProcess(process.execPath, [SCRIPT, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      GITHUB_REPOSITORY: REPO,
      GITHUB_TOKEN: TOKEN,
      ...(emulator ? { GITHUB_API_URL: emulator.url } : {}),
      ...env,
    },
  });
}

describe('scripts/sync-labels.js against an emulated GitHub labels API', () => {
  let emulator: GitHubLabelsEmulator;
  beforeEach(async () => {
    emulator = await startGitHubLabelsEmulator({ repo: REPO, token: TOKEN, labels: NEW_REPOSITORY });
  });
  afterEach(() => emulator.close());

  const managed = () =>
    emulator.labels
      .filter((label) => WANTED.some((wanted) => wanted.name.toLowerCase() === label.name.toLowerCase()))
      .map(({ name, color, description }) => ({ name, color: color.toLowerCase(), description }))
      .sort((a, b) => a.name.localeCompare(b.name));

  it('creates the missing labels, fixes changed ones through every page, then has nothing left to do', async () => {
    const first = await sync(emulator);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(managed()).toEqual([...WANTED].sort((a, b) => a.name.localeCompare(b.name)));
    expect(first.stdout).toContain('updated >버그');
    expect(first.stdout).toContain('renamed Priority:High → priority:high');
    expect(first.stdout).toContain(`${REPO}: ${WANTED.length - 2} created, 2 updated, 0 unchanged`);
    expect(first.stdout).toContain('not in the labels file (left as they are): bug, documentation, duplicate');
    expect(emulator.labels.map((label) => label.name)).toEqual(
      expect.arrayContaining(NEW_REPOSITORY.slice(0, 9).map((label) => label.name)),
    );
    expect(emulator.requests.filter((request) => request.startsWith('PATCH'))).toEqual([
      `PATCH /repos/${REPO}/labels/${encodeURIComponent('>버그')}`,
      `PATCH /repos/${REPO}/labels/${encodeURIComponent('Priority:High')}`,
    ]);

    emulator.requests.length = 0;
    const second = await sync(emulator);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`${REPO}: 0 created, 0 updated, ${WANTED.length} unchanged`);
    // Every label fits on ceil(n / 10) pages of the emulator: all of them were read, nothing was written.
    expect(emulator.requests).toEqual(
      Array.from({ length: Math.ceil(emulator.labels.length / 10) }, () => `GET /repos/${REPO}/labels`),
    );
  });

  it('renames a label listed under from_name instead of making a second one', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'forte-labels-')), 'labels.yml');
    writeFileSync(
      file,
      YAML.stringify([{ name: '>버그', color: 'd73a4a', description: '잘못된 동작', from_name: 'bug' }]),
    );
    emulator.labels.splice(
      emulator.labels.findIndex((label) => label.name === '>버그'),
      1,
    );
    const run = await sync(emulator, ['--file', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('renamed bug → >버그');
    expect(emulator.labels.filter((label) => /bug|버그/.test(label.name))).toEqual([
      { name: '>버그', color: 'd73a4a', description: '잘못된 동작' },
    ]);
  });

  it('--dry-run says what it would do and writes nothing', async () => {
    const run = await sync(emulator, ['--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('created >기능 (dry run)');
    expect(emulator.requests.every((request) => request.startsWith('GET'))).toBe(true);
  });

  it("a refused token is exit 1 with GitHub's reason, and nothing changes", async () => {
    const run = await sync(emulator, [], { GITHUB_TOKEN: 'ghp_wrong' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/sync-labels: GET .*\/labels\?per_page=100 answered 401: Bad credentials/);
    expect(emulator.labels).toEqual(NEW_REPOSITORY);
  });

  it('without a token or a repository, with an unknown option or an invalid file, is exit 2 before any request', async () => {
    const noToken = await sync(emulator, [], { GITHUB_TOKEN: '' });
    expect(noToken).toMatchObject({ code: 2, stderr: expect.stringContaining('set GITHUB_TOKEN') });
    const unknownOption = await sync(emulator, ['--prune']);
    expect(unknownOption).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--prune'") });
    expect(unknownOption.stderr).toContain('usage: GITHUB_TOKEN=... node scripts/sync-labels.js');
    const noRepo = await sync(emulator, [], { GITHUB_REPOSITORY: '' });
    expect(noRepo).toMatchObject({ code: 2, stderr: expect.stringContaining('--repo owner/name') });

    const dir = mkdtempSync(join(tmpdir(), 'forte-labels-'));
    writeFileSync(join(dir, 'bad.yml'), YAML.stringify([{ name: '>기능', color: 'green', description: 'x' }]));
    const badColour = await sync(emulator, ['--file', join(dir, 'bad.yml')]);
    expect(badColour.code).toBe(2);
    expect(badColour.stderr).toContain('/0/color must match pattern "^[0-9a-f]{6}$"');
    writeFileSync(
      join(dir, 'twice.yml'),
      YAML.stringify([...WANTED.slice(0, 1), { ...WANTED[0], name: WANTED[0]!.name.toUpperCase() }]),
    );
    const twice = await sync(emulator, ['--file', join(dir, 'twice.yml')]);
    expect(twice).toMatchObject({ code: 2, stderr: expect.stringContaining('is listed twice') });
    expect(emulator.requests).toEqual([]);
  });
});
