import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { debianProgram } from '../../support/debian-program';
import { startTestApp, TestApp } from '../../support/test-app';

const PROMETHEUS = join(__dirname, '../../../ops/prometheus');
const DASHBOARD = join(__dirname, '../../../ops/grafana/forte-dashboard.json');
const promtool = debianProgram('promtool', 'prometheus');

const run = (args: string[], input?: string) => {
  const outcome = spawnSync(promtool, args, { cwd: PROMETHEUS, input, encoding: 'utf8', timeout: 30_000 });
  return { code: outcome.status, output: `${outcome.stdout}${outcome.stderr}` };
};
const yamlFiles = (folder: string): string[] =>
  readdirSync(join(PROMETHEUS, folder))
    .filter((name) => name.endsWith('.yml'))
    .map((name) => `${folder}/${name}`);

/** prom-client's own `nodejs_active_*_total` gauges break promtool's naming lint; they are not Forte's. */
const withoutNodeActiveGauges = (scrape: string): string =>
  scrape
    .split('\n')
    .filter((line) => !/^(# (HELP|TYPE) )?nodejs_active_\w+_total\b/.test(line))
    .join('\n');

describe("what ops/prometheus ships passes Prometheus's own checker", () => {
  it('check config: the scrape configuration and the rule files it loads', () => {
    const checked = run(['check', 'config', 'prometheus.yml']);
    expect(checked.output).toMatch(/SUCCESS: prometheus.yml is valid/);
    expect(checked.code).toBe(0);
  });

  it('check rules: every file of rules/', () => {
    const checked = run(['check', 'rules', ...yamlFiles('rules')]);
    expect(checked.output).not.toMatch(/FAILED/);
    expect(checked.code).toBe(0);
  });

  it('test rules: the 5xx alert fires on 17% faults and not on 2%, and the others fire on their cases', () => {
    const tested = run(['test', 'rules', ...yamlFiles('tests')]);
    expect(tested.output).toMatch(/SUCCESS/);
    expect(tested.code).toBe(0);
  });
});

describe('what Forte serves on /metrics', () => {
  let app: TestApp;
  let scrape: string;

  beforeAll(async () => {
    app = await startTestApp();
    const token = await app.createClient('lint-bot', ['users:read', 'users:write', 'points:grant']);
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${app.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const user = (await (await call('POST', '/users', { discord_id: '368003617146887777', name: 'lint' })).json()) as {
      id: number;
    };
    await call('POST', `/users/${user.id}/points`, { points: 10 });
    await call('GET', '/users/999999');
    await fetch(`${app.origin}/no-such-page`);
    scrape = await (await fetch(`${app.origin}/metrics`)).text();
  });
  afterAll(() => app.close());

  it('passes promtool check metrics, but for the nodejs_active_*_total gauges of prom-client', () => {
    const checked = run(['check', 'metrics'], withoutNodeActiveGauges(scrape));
    expect(checked.output).toBe('');
    expect(checked.code).toBe(0);
  });

  it('is flagged for nothing else than those gauges', () => {
    const problems = run(['check', 'metrics'], scrape).output.trim().split('\n');
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).toMatch(/^nodejs_active_\w+_total/);
  });

  it('has every series the alert rules and the dashboard ask for', () => {
    const served = new Set(
      Array.from(scrape.matchAll(/^# TYPE (\w+) (\w+)$/gm), ([, name, type]) => [name, type]).flatMap(([name, type]) =>
        type === 'histogram' ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name],
      ),
    );
    const rules = yamlFiles('rules').flatMap((file) =>
      (parse(readFileSync(join(PROMETHEUS, file), 'utf8')) as { groups: { rules: { expr: string }[] }[] }).groups
        .flatMap((group) => group.rules)
        .map((rule) => rule.expr),
    );
    const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { panels: { targets?: { expr: string }[] }[] };
    const panels = dashboard.panels.flatMap((panel) => panel.targets ?? []).map((target) => target.expr);
    const asked = new Set(
      [...rules, ...panels].flatMap((expr) => Array.from(expr.matchAll(/\b(\w+)\{/g), (m) => m[1])),
    );
    asked.delete('up');
    expect(asked.size).toBeGreaterThan(10);
    expect([...asked].filter((name) => !served.has(name!))).toEqual([]);
  });
});
