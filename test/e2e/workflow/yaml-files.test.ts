import { accessSync, constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';

const ROOT = join(__dirname, '../../..');
const SCHEMAS = join(ROOT, 'test/fixtures/schemas');
const COMMIT_TYPES = ['기능', '버그', '리팩토링', '형식', '테스트', '문서', '기타'];

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

// The files are read key by key; `any` keeps those reads short, and the schemas and assertions check the shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Yaml = any;

/** Parses YAML text strictly (any syntax error or duplicate key fails) and checks it against a JSON schema. */
function check(text: string, schemaFile: string): { data: Yaml; problems: string[] } {
  const document = YAML.parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0) return { data: null, problems: document.errors.map((error) => error.message) };
  const data = document.toJS();
  const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(readJson(schemaFile));
  const valid = validate(data);
  return {
    data,
    problems: valid ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`),
  };
}

function checkFile(file: string, schemaFile: string): Yaml {
  const { data, problems } = check(readFileSync(join(ROOT, file), 'utf8'), schemaFile);
  expect({ file, problems }).toEqual({ file, problems: [] });
  return data;
}

const WORKFLOW_SCHEMA = join(SCHEMAS, 'github-workflow.schema.json');

describe('GitHub Actions workflows (.github/workflows)', () => {
  const files = readdirSync(join(ROOT, '.github/workflows')).map((file) => `.github/workflows/${file}`);

  it.each(files)('%s parses and fits the workflow schema', (file) => {
    checkFile(file, WORKFLOW_SCHEMA);
  });

  it('the schema refuses what GitHub would ignore or reject', () => {
    const problems = (yaml: string) => check(yaml, WORKFLOW_SCHEMA).problems;
    const job = (body: string) => `on: push\njobs:\n  test:\n${body}`;
    expect(problems(job('    runs-on: ubuntu-24.04\n    steps:\n      - run: npm test\n'))).toEqual([]);
    expect(problems(job('    runs_on: ubuntu-24.04\n    steps:\n      - run: npm test\n'))).not.toEqual([]);
    expect(
      problems(job('    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n        run: ls\n')),
    ).not.toEqual([]);
    expect(problems(job('    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout\n'))).not.toEqual([]);
    expect(problems('on: pushed\njobs:\n  a:\n    runs-on: x\n    steps: [{run: ls}]\n')).not.toEqual([]);
    expect(problems('on: push\non: pull_request\njobs: {}\n')).not.toEqual([]);
  });

  it("ci.yml runs the README's test command against a MariaDB service container, then builds the artifact", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const testCommand = [...readme.matchAll(/```sh\n([^`]*?)\n```/g)]
      .map((block) => block[1])
      .find((block) => /npm test/.test(block ?? ''));
    expect(testCommand).toBe('npm install && npm test');

    const ci = checkFile('.github/workflows/ci.yml', WORKFLOW_SCHEMA);
    const job = ci.jobs.test;
    const [service, container] = Object.entries<{ image: string }>(job.services)[0] ?? [];
    expect(container?.image).toMatch(/^mariadb:\d/);
    expect(job.env.TEST_DATABASE_URL).toBe(`mysql://root@${service}:3306`);
    const runs: string[] = job.steps.map((step: { run?: string; uses?: string }) => step.run ?? step.uses);
    expect(runs.indexOf(testCommand!)).toBeGreaterThan(-1);
    expect(runs.indexOf('make dist')).toBeGreaterThan(runs.indexOf(testCommand!));
    const upload = job.steps.find((step: { uses?: string }) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload.with.path).toBe('dist/forte-*.tar.gz');
    expect(readFileSync(join(ROOT, 'Makefile'), 'utf8')).toMatch(/^dist:/m);

    expect(ci.jobs.deploy.needs).toBe('test');
    expect(ci.jobs.deploy.steps.at(-1).run).toMatch(/aws deploy create-deployment[\s\S]*bundleType=tgz/);
  });
});

describe('labels as code (.github/labels.yml)', () => {
  const labels: Array<{ name: string }> = checkFile('.github/labels.yml', join(ROOT, '.github/labels.schema.json'));
  const names = labels.map((label) => label.name);

  it('parses, fits its schema, and names each label once', () => {
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  });

  it('has a type label per commit type and for hotfixes, and priority, status and version labels', () => {
    expect(names).toEqual(expect.arrayContaining([...COMMIT_TYPES.map((type) => `>${type}`), '>핫픽스']));
    expect(names.filter((name) => name.startsWith('priority:')).length).toBeGreaterThanOrEqual(3);
    expect(names).toEqual(expect.arrayContaining(['status:triage', 'status:in-progress', 'status:review', 'v1', 'v2']));
  });

  it('the schema refuses a colour GitHub would refuse and a description longer than it keeps', () => {
    const schema = join(ROOT, '.github/labels.schema.json');
    expect(check('- {name: ">기능", color: "1d76db", description: "x"}', schema).problems).toEqual([]);
    expect(check('- {name: ">기능", color: "#1d76db", description: "x"}', schema).problems).not.toEqual([]);
    expect(check(`- {name: ">기능", color: "1d76db", description: "${'x'.repeat(101)}"}`, schema).problems).not.toEqual(
      [],
    );
    expect(check('- {name: "misc", color: "1d76db", description: "x"}', schema).problems).not.toEqual([]);
  });
});

describe('issue and pull-request templates (.github)', () => {
  const labels = new Set(
    (YAML.parse(readFileSync(join(ROOT, '.github/labels.yml'), 'utf8')) as Array<{ name: string }>).map(
      (label) => label.name,
    ),
  );

  it.each(['feature', 'bug', 'hotfix'])(
    '%s.yml is an issue form with one type label, all of them in labels.yml',
    (name) => {
      const form = checkFile(`.github/ISSUE_TEMPLATE/${name}.yml`, join(SCHEMAS, 'github-issue-form.schema.json'));
      expect((form.labels as string[]).filter((label) => !labels.has(label))).toEqual([]);
      expect((form.labels as string[]).filter((label) => label.startsWith('>'))).toHaveLength(1);
    },
  );

  it('config.yml sends every new issue through a template', () => {
    expect(checkFile('.github/ISSUE_TEMPLATE/config.yml', join(SCHEMAS, 'github-issue-config.schema.json'))).toEqual({
      blank_issues_enabled: false,
    });
  });

  it('the pull-request template asks for the issue it settles and the test command', () => {
    const template = readFileSync(join(ROOT, '.github/pull_request_template.md'), 'utf8');
    expect(template).toContain('해결: #');
    expect(template).toContain('npm install && npm test');
  });
});

describe('the CodeDeploy AppSpec (deploy/appspec.yml)', () => {
  it('parses, fits the AppSpec schema, and runs executable hook scripts through the whole lifecycle', () => {
    const appspec = checkFile('deploy/appspec.yml', join(SCHEMAS, 'codedeploy-appspec.schema.json'));
    expect(Object.keys(appspec.hooks)).toEqual([
      'ApplicationStop',
      'BeforeInstall',
      'AfterInstall',
      'ApplicationStart',
      'ValidateService',
    ]);
    for (const hooks of Object.values<Array<{ location: string }>>(appspec.hooks)) {
      for (const { location } of hooks) {
        expect(existsSync(join(ROOT, location))).toBe(true);
        expect(() => accessSync(join(ROOT, location), constants.X_OK)).not.toThrow();
      }
    }
  });
});
