import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import YAML from 'yaml';
import { reconciliationGauge } from '../../../../src/adapters/observability/reconciliation-gauge';

/** promtool checks and tests the rules (test/e2e/ops); here: they ask only for what Forte exposes. */
const RULES = join(__dirname, '../../../../ops/prometheus/rules/reconcile.yml');

describe('the reconciliation gauges and ops/prometheus/rules/reconcile.yml', () => {
  it('expose the last finished run, read once per scrape, under every name the rules use', async () => {
    const registry = new Registry();
    let reads = 0;
    reconciliationGauge(registry, () => {
      reads += 1;
      return Promise.resolve({ id: 1, mismatches: 3, finishedAt: new Date(5000) });
    });
    const exposed = await registry.metrics();
    expect(exposed).toMatch(/^forte_reconciliation_mismatches 3$/m);
    expect(exposed).toMatch(/^forte_reconciliation_last_run_timestamp_seconds 5$/m);
    expect(reads).toBe(1);
    const rules = YAML.parse(readFileSync(RULES, 'utf8')) as { groups: { rules: { expr: string }[] }[] };
    const named = rules.groups.flatMap((group) => group.rules.flatMap((rule) => rule.expr.match(/forte_[a-z_]+/g)));
    expect(named.length).toBeGreaterThan(0);
    for (const metric of named) expect(exposed).toContain(`# TYPE ${metric} gauge`);
  });

  it('keep their last figures while the database is away', async () => {
    const registry = new Registry();
    let away = false;
    reconciliationGauge(registry, () =>
      away ? Promise.reject(new Error('gone')) : Promise.resolve({ id: 1, mismatches: 2, finishedAt: new Date(0) }),
    );
    await registry.metrics();
    away = true;
    expect(await registry.metrics()).toMatch(/^forte_reconciliation_mismatches 2$/m);
  });
});
