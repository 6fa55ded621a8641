// @ts-check
// The team's commit convention (CONTRIBUTING.md), checked by the commit-msg hook: `Type: Title`, and for work on
// an issue `해결|관련|참고: #n Title`. Each rejection says what is wrong and how to write it, in Korean and English.
'use strict';

const TYPES = ['기능', '버그', '리팩토링', '형식', '테스트', '문서', '기타'];
const ISSUE_TYPES = ['해결', '관련', '참고'];

// Words from other conventions that people type out of habit, and the type this team writes for them.
/** @type {Record<string, string>} */
const HABITS = {
  feat: '기능',
  feature: '기능',
  fix: '버그',
  bug: '버그',
  hotfix: '버그',
  refactor: '리팩토링',
  perf: '리팩토링',
  style: '형식',
  format: '형식',
  test: '테스트',
  tests: '테스트',
  docs: '문서',
  doc: '문서',
  chore: '기타',
  build: '기타',
  ci: '기타',
  closes: '해결',
  fixes: '해결',
  resolves: '해결',
  refs: '관련',
  see: '참고',
};

const EXAMPLES = '"기능: 포르테 스토어 서비스단 구현", "해결: #54 포르테 스토어 청약철회 에러 수정"';
const ALL_TYPES = `${TYPES.join(', ')} (이슈/issue: ${ISSUE_TYPES.join(', ')} + #n)`;

/** @param {string} korean @param {string} english */
const say = (korean, english) => `${korean}\n    ${english}`;

/** A Korean particle after a quoted word: the first form after a final consonant, both when the word is not Hangul. */
function particle(/** @type {string} */ word, /** @type {string} */ afterConsonant, /** @type {string} */ afterVowel) {
  const last = word.charCodeAt(word.length - 1) - 0xac00;
  if (last < 0 || last > 11171) return `${afterConsonant}(${afterVowel})`;
  return last % 28 === 0 ? afterVowel : afterConsonant;
}

/** The first thing wrong with a header, or null when it follows the convention. */
function headerProblem(/** @type {string} */ header) {
  if (header.trim() === '') return say('커밋 메시지가 비어 있습니다.', 'The commit message is empty.');
  const match = /^(\S+?): (.*)$/.exec(header);
  if (!match) return formatProblem(header);
  const [, type = '', title = ''] = match;
  if (ISSUE_TYPES.includes(type)) return issueTitleProblem(type, title);
  if (!TYPES.includes(type)) return typeProblem(type);
  if (title.trim() === '') return say(`"${type}:" 다음에 제목이 필요합니다.`, `A title must follow "${type}:".`);
  return null;
}

function formatProblem(/** @type {string} */ header) {
  if (/^\S+?:\S/.test(header)) {
    return say('콜론(:) 뒤에 빈칸 하나를 두세요: "기능: 제목".', 'Put one space after the colon: "기능: Title".');
  }
  if (/^\S+\s+:/.test(header)) {
    return say('콜론(:) 앞에는 빈칸을 두지 않습니다: "기능: 제목".', 'No space before the colon: "기능: Title".');
  }
  return say(
    `첫 줄은 "타입: 제목" 형식이어야 합니다. 예: ${EXAMPLES}. 타입: ${ALL_TYPES}`,
    `The first line must read "Type: Title", e.g. ${EXAMPLES}. Types: ${ALL_TYPES}`,
  );
}

function typeProblem(/** @type {string} */ type) {
  const habit = HABITS[type.replace(/\(.*\)!?$|!$/, '').toLowerCase()];
  if (habit) {
    return say(
      `"${type}"${particle(type, '은', '는')} 이 저장소의 타입이 아닙니다. "${habit}"${particle(habit, '을', '를')} 쓰세요.`,
      `"${type}" is not a type here: write "${habit}".`,
    );
  }
  return say(
    `"${type}"${particle(type, '은', '는')} 허용된 타입이 아닙니다. 타입: ${ALL_TYPES}`,
    `"${type}" is not an allowed type. Types: ${ALL_TYPES}`,
  );
}

function issueTitleProblem(/** @type {string} */ type, /** @type {string} */ title) {
  if (!/^#\d+\b/.test(title)) {
    return say(
      `"${type}:" 다음에는 이슈 번호가 옵니다: "${type}: #54 제목".`,
      `"${type}:" takes the issue number first: "${type}: #54 Title".`,
    );
  }
  if (!/^#\d+ +\S/.test(title)) {
    return say(
      `이슈 번호 다음에 빈칸과 제목이 필요합니다: "${type}: #54 제목".`,
      `A space and a title must follow the issue number: "${type}: #54 Title".`,
    );
  }
  return null;
}

/** @type {import('@commitlint/types').UserConfig} */
module.exports = {
  // Merge, revert and fixup commits that git writes itself are let through (commitlint's default ignores).
  defaultIgnores: true,
  helpUrl: 'CONTRIBUTING.md#커밋-메시지--commit-messages',
  plugins: [
    {
      rules: {
        'forte-header': (parsed) => {
          const problem = headerProblem(parsed.header ?? '');
          return problem ? [false, problem] : [true];
        },
        'forte-blank-line-after-title': (parsed) => {
          const second = (parsed.raw ?? '').split(/\r?\n/)[1];
          return second === undefined || second.trim() === ''
            ? [true]
            : [
                false,
                say('제목 줄과 본문 사이에 빈 줄을 두세요.', 'Leave a blank line between the title and the body.'),
              ];
        },
      },
    },
  ],
  rules: {
    'forte-header': [2, 'always'],
    'forte-blank-line-after-title': [2, 'always'],
  },
};
