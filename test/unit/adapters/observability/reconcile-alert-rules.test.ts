import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import YAML from 'yaml';
import { reconciliationGauge } from '../../../../src/adapters/observability/reconciliation-gauge';

const RULES = join(__dirname, '../../../../ops/prometheus/rules/reconcile.yml');

/** promtool's unit test of the rules: series over time, and the alerts that must (not) fire. */
const RULE_TESTS = `
rule_files: [${JSON.stringify(RULES)}]
evaluation_interval: 1m
tests:
  - interval: 1m
    input_series:
      - series: 'forte_reconciliation_mismatches{instance="a"}'
        values: '0 0 3x10'
      - series: 'forte_reconciliation_last_run_timestamp_seconds{instance="a"}'
        values: '0x10'
    alert_rule_test:
      - eval_time: 4m
        alertname: ForteReconciliationMismatches
        exp_alerts: []
      - eval_time: 8m
        alertname: ForteReconciliationMismatches
        exp_alerts:
          - exp_labels: { severity: page }
            exp_annotations:
              summary: 'The last forte-cli reconcile run found 3 discrepancies between Forte and Xsolla'
              description: >-
                Run \`forte-cli reconcile --from DAY --to DAY\` for the window to list them (missing_in_forte,
                missing_in_xsolla, amount_mismatch, status_mismatch, balance_drift); \`--apply\` repairs what the
                webhooks would have done, the rest needs a human. The run's row is in reconciliation_runs.
`;

describe('ops/prometheus/rules/reconcile.yml', () => {
  it('passes promtool, and its mismatch alert fires after five minutes of a run that found some', () => {
    const checked = spawnSync('promtool', ['check', 'rules', RULES], { encoding: 'utf8' });
    expect(checked.stdout + checked.stderr).toMatch(/SUCCESS: 2 rules found/);
    const tests = join(mkdtempSync(join(tmpdir(), 'forte-rules-')), 'reconcile.test.yml');
    writeFileSync(tests, RULE_TESTS);
    const tested = spawnSync('promtool', ['test', 'rules', tests], { encoding: 'utf8' });
    expect({ status: tested.status, output: tested.stdout + tested.stderr }).toMatchObject({ status: 0 });
  });

  it('names only metrics that Forte exposes', async () => {
    const registry = new Registry();
    reconciliationGauge(registry, () => Promise.resolve({ id: 1, mismatches: 3, finishedAt: new Date(5000) }));
    const exposed = await registry.metrics();
    expect(exposed).toMatch(/^forte_reconciliation_mismatches 3$/m);
    expect(exposed).toMatch(/^forte_reconciliation_last_run_timestamp_seconds 5$/m);
    const rules = YAML.parse(readFileSync(RULES, 'utf8')) as { groups: { rules: { expr: string }[] }[] };
    const named = rules.groups.flatMap((group) => group.rules.flatMap((rule) => rule.expr.match(/forte_[a-z_]+/g)));
    expect(named.length).toBeGreaterThan(0);
    for (const metric of named) expect(exposed).toContain(`# TYPE ${metric} gauge`);
  });
});
