import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newRepository, run, sandboxEnv } from '../../support/git-sandbox';

const ROOT = join(__dirname, '../../..');
const COMMITLINT = join(ROOT, 'node_modules/.bin/commitlint');
const INSTALL_HOOKS = join(ROOT, '.husky/install.mjs');
const ACCEPTED: string[] = JSON.parse(
  readFileSync(join(ROOT, 'test/fixtures/commit-messages/accepted.json'), 'utf8'),
).messages;

interface Problem {
  name: string;
  message: string;
}

const header = (message: string) => message.split('\n')[0]?.trim() ?? '';

/** Commits the messages without a hook, then lints the whole range in one commitlint run (`--from/--to`); problems by header. */
function lintAsHistory(messages: string[]): { status: number | null; problems: Map<string, Problem[]> } {
  const env = sandboxEnv();
  const repo = newRepository(env);
  const commit = (message: string) => {
    const outcome = run(
      'git',
      ['-c', 'core.hooksPath=/dev/null', 'commit', '-q', '--allow-empty', '--cleanup=verbatim', '-F', '-'],
      repo.dir,
      env,
      message,
    );
    if (outcome.status !== 0) throw new Error(`could not commit ${JSON.stringify(message)}: ${outcome.stderr}`);
  };
  commit('기타: 시작');
  const start = repo.git('rev-parse', 'HEAD');
  messages.forEach(commit);
  const lint = run(
    COMMITLINT,
    [
      '--config',
      join(ROOT, 'commitlint.config.js'),
      '--from',
      start,
      '--to',
      'HEAD',
      '--format',
      join(ROOT, 'test/support/commitlint-json-format.cjs'),
    ],
    repo.dir,
    env,
  );
  const results: Array<{ input: string; errors: Problem[] }> = JSON.parse(lint.stdout.split('\n')[0] ?? '');
  return { status: lint.status, problems: new Map(results.map((result) => [header(result.input), result.errors])) };
}

describe('the commit convention (commitlint.config.js)', () => {
  it("accepts the convention's examples, every subject of the history it was written from, and what git writes", () => {
    const messages = [
      ...ACCEPTED,
      "Merge branch 'workflow'",
      "Merge branch 'logs' into main",
      'Revert "기능: 포르테 스토어 서비스단 구현"',
    ];
    const { status, problems } = lintAsHistory(messages);
    expect(problems.size).toBe(new Set(messages.map(header)).size);
    expect([...problems].filter(([, found]) => found.length > 0)).toEqual([]);
    expect(status).toBe(0);
  });

  // [message, what the Korean line says, what the English line says]
  const rejected: Array<[string, string, string]> = [
    ['fix: 청약철회 에러', '"버그"를 쓰세요', 'is not a type here: write "버그"'],
    ['feat(store): 스토어 서비스', '"기능"을 쓰세요', 'write "기능"'],
    ['docs: README', '"문서"를 쓰세요', 'write "문서"'],
    [
      '업데이트: 스토어',
      '"업데이트"는 허용된 타입이 아닙니다',
      'is not an allowed type. Types: 기능, 버그, 리팩토링, 형식, 테스트, 문서, 기타',
    ],
    ['포르테 스토어 서비스단 구현', '첫 줄은 "타입: 제목" 형식이어야 합니다', 'The first line must read "Type: Title"'],
    ['[기능] 스토어 서비스', '첫 줄은 "타입: 제목" 형식이어야 합니다', 'The first line must read "Type: Title"'],
    ['기능:스토어 서비스', '콜론(:) 뒤에 빈칸 하나를 두세요', 'Put one space after the colon'],
    ['기능 : 스토어 서비스', '콜론(:) 앞에는 빈칸을 두지 않습니다', 'No space before the colon'],
    ['기능: ', '"기능:" 다음에 제목이 필요합니다', 'A title must follow "기능:"'],
    [
      '해결: 포르테 스토어 청약철회 에러 수정',
      '"해결:" 다음에는 이슈 번호가 옵니다',
      '"해결:" takes the issue number first',
    ],
    ['참고: 54 청약철회', '"참고:" 다음에는 이슈 번호가 옵니다', 'takes the issue number first: "참고: #54 Title"'],
    ['관련: #17', '이슈 번호 다음에 빈칸과 제목이 필요합니다', 'A space and a title must follow the issue number'],
    [
      '해결: #54청약철회 에러 수정',
      '이슈 번호 다음에 빈칸과 제목이 필요합니다',
      'A space and a title must follow the issue number',
    ],
    [
      '기능: 스토어 서비스\n본문이 제목에 붙어 있음',
      '제목 줄과 본문 사이에 빈 줄을 두세요',
      'Leave a blank line between the title and the body',
    ],
  ];

  it('rejects malformed messages, saying in Korean and in English what is wrong and how to write it', () => {
    const { status, problems } = lintAsHistory(rejected.map(([message]) => message));
    expect(status).toBe(1);
    for (const [message, korean, english] of rejected) {
      const found = problems.get(header(message)) ?? [];
      expect({ message, problems: found.length }).toEqual({ message, problems: 1 });
      expect(found[0]?.message).toContain(korean);
      expect(found[0]?.message).toContain(english);
    }
  });

  it("links its rejections to CONTRIBUTING.md's section on commit messages", () => {
    const helpUrl = /helpUrl: '([^']+)'/.exec(readFileSync(join(ROOT, 'commitlint.config.js'), 'utf8'))?.[1] ?? '';
    const [file, anchor] = helpUrl.split('#');
    // GitHub's heading anchors: lower case, punctuation other than hyphens dropped, spaces made hyphens.
    const anchors = [...readFileSync(join(ROOT, file ?? ''), 'utf8').matchAll(/^#+ (.+)$/gm)].map(([, heading]) =>
      (heading ?? '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N} -]/gu, '')
        .replace(/ /g, '-'),
    );
    expect(anchors).toContain(anchor);
  });
});

describe('the commit-msg hook (.husky/)', () => {
  /** A repository carrying the hook and the config, with this checkout's node_modules, installed as `npm install` does. */
  function installedRepository() {
    const env = sandboxEnv();
    const repo = newRepository(env);
    for (const file of ['.husky/commit-msg', '.husky/install.mjs', 'commitlint.config.js']) {
      mkdirSync(join(repo.dir, '.husky'), { recursive: true });
      copyFileSync(join(ROOT, file), join(repo.dir, file));
    }
    repo.git('add', '.husky', 'commitlint.config.js');
    repo.git('-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-m', '기타: 커밋 규칙');
    const install = (dir: string) => {
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
      const outcome = run(process.execPath, ['.husky/install.mjs'], dir, env);
      expect(outcome).toMatchObject({ status: 0, stdout: '' });
    };
    install(repo.dir);
    const commit = (dir: string, message: string) => run('git', ['commit', '--allow-empty', '-m', message], dir, env);
    return { env, repo, install, commit };
  }

  it('is installed by the prepare step and checks commits and merges, with no dist/ built', () => {
    const { repo, commit } = installedRepository();
    expect(repo.git('config', 'core.hooksPath')).toBe('.husky/_');

    const refused = commit(repo.dir, 'fix: 청약철회 에러');
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('"fix"은(는) 이 저장소의 타입이 아닙니다. "버그"를 쓰세요.');
    expect(refused.stdout + refused.stderr).toContain('"fix" is not a type here: write "버그".');
    expect(repo.git('log', '--format=%s')).toBe('기타: 커밋 규칙');

    expect(commit(repo.dir, '기능: 포르테 스토어 서비스단 구현').status).toBe(0);
    repo.git('checkout', '-q', '-b', 'workflow');
    expect(commit(repo.dir, '해결: #54 포르테 스토어 청약철회 에러 수정').status).toBe(0);
    repo.git('checkout', '-q', 'main');
    expect(commit(repo.dir, '문서: README').status).toBe(0);
    repo.git('merge', '--no-ff', '--no-edit', 'workflow');
    expect(repo.git('log', '-1', '--format=%s')).toBe("Merge branch 'workflow'");
  });

  it('checks commits in a linked worktree once npm install ran there', () => {
    const { repo, install, commit } = installedRepository();
    const worktree = join(mkdtempSync(join(tmpdir(), 'forte-worktree-')), 'topic');
    repo.git('worktree', 'add', '-q', '-b', 'topic', worktree);
    install(worktree);

    const refused = commit(worktree, '관련: #17');
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('A space and a title must follow the issue number');
    expect(commit(worktree, '관련: #17 워크트리에서 커밋').status).toBe(0);
    expect(commit(repo.dir, '관련: #17 주 작업 트리에서 커밋').status).toBe(0);
    expect(repo.git('log', '--format=%s', 'topic', '-1')).toBe('관련: #17 워크트리에서 커밋');
  });

  it('installs nothing, and does not fail npm install, in CI or in a folder that is no git checkout', () => {
    const env = sandboxEnv();
    const notARepository = mkdtempSync(join(tmpdir(), 'forte-unpacked-'));
    const outside = run(process.execPath, [INSTALL_HOOKS], notARepository, env);
    expect(outside.status).toBe(0);
    expect(outside.stdout).toContain(".git can't be found");

    const repo = newRepository(env);
    const inCi = run(process.execPath, [INSTALL_HOOKS], repo.dir, { ...env, CI: 'true' });
    expect(inCi).toMatchObject({ status: 0, stdout: '' });
    expect(run('git', ['config', 'core.hooksPath'], repo.dir, env).status).toBe(1);
  });
});
