import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

function cruise(folder: string): { status: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
      'src',
      '--config',
      join(root, '.dependency-cruiser.cjs'),
      '--output-type',
      'err',
    ],
    { cwd: folder, encoding: 'utf8' },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the layer rule of the lint step', () => {
  it('fails on a domain file that imports an adapter and a use case that imports a framework', () => {
    const { status, output } = cruise(join(root, 'test/fixtures/layer-violation'));
    expect(status).not.toBe(0);
    expect(output).toMatch(/domain-is-pure: src\/domain\/reaches-adapter\.ts → src\/adapters\/knex-thing\.ts/);
    expect(output).toMatch(
      /application-depends-on-domain-and-ports-only: src\/application\/reaches-framework\.ts → .*koa/,
    );
    expect(output).not.toMatch(/src\/application\/fine\.ts/);
  });

  it('fails on an adapter that imports another adapter, and on the CLI printing with an HTTP presenter', () => {
    const { output } = cruise(join(root, 'test/fixtures/layer-violation'));
    expect(output).toMatch(
      /adapters-are-independent: src\/adapters\/http\/reaches-persistence\.ts → src\/adapters\/persistence\/row-thing\.ts/,
    );
    expect(output).toMatch(
      /cli-does-not-present-http: src\/cli\/prints-presenter\.ts → src\/adapters\/http\/presenters\/thing-presenter\.ts/,
    );
    expect(output).not.toMatch(/adapters-are-independent: src\/adapters\/http\/presenters/);
  });
});
