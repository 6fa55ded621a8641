import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/forte-cli';

const ROOT = join(__dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The code blocks that follow an HTML comment `<!-- label -->` (invisible on the rendered page), in order. */
function blocksMarked(label: string): string[] {
  return [...README.matchAll(/<!-- ([^>]+?) -->\n```\w*\n([\s\S]*?)```\n/g)]
    .filter(([, mark]) => mark === label)
    .map(([, , code]) => code ?? '');
}

interface Shell {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

/** A README block run by bash as a reader would paste it, in the checkout, in its own process group. */
function runBlock(code: string, env: NodeJS.ProcessEnv): Shell {
  const child = spawn('bash', ['-euo', 'pipefail', '-c', code], { cwd: ROOT, env, detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => output, exit };
}

async function listeningPort(server: Shell): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const port = /listening on http:\/\/[^:\s]+:(\d+)/.exec(server.output())?.[1];
    if (port) return port;
    const exited = await Promise.race([server.exit.then(() => true), new Promise((r) => setTimeout(r, 50, false))]);
    if (exited || Date.now() > deadline) {
      throw new Error(`the README's server block did not start:\n${server.output()}`);
    }
  }
}

describe('the README', () => {
  const folder = mkdtempSync(join(tmpdir(), 'forte-readme-'));
  const databaseUrl = `sqlite:${join(folder, 'forte.sqlite')}`;

  it('quick start runs as written: the server block in one terminal, the others in a second one', async () => {
    const serverBlocks = blocksMarked('quick-start: server');
    const secondTerminal = blocksMarked('quick-start');
    expect(serverBlocks).toHaveLength(1);
    expect(secondTerminal.length).toBeGreaterThan(0);
    // The reader's own shell, on a throw-away database; the server takes a free port instead of 3000.
    const env = { ...process.env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: '0', ACCESS_LOG: 'off' };
    const server = runBlock(serverBlocks.join('\n'), env);
    try {
      const port = await listeningPort(server);
      // curl reads this file: the README's localhost:3000 reaches the test's server, and any answer other than
      // a 2xx fails the block.
      const curlrc = [`connect-to = "localhost:3000:127.0.0.1:${port}"`, 'fail-with-body', 'silent', 'show-error'];
      writeFileSync(join(folder, '.curlrc'), `${curlrc.join('\n')}\n`);
      const reader = runBlock(secondTerminal.join('\n'), { ...env, CURL_HOME: folder });
      const status = await reader.exit;
      if (status !== 0) throw new Error(`the README's quick start failed (exit ${status}):\n${reader.output()}`);
      // What the README says the last answer shows.
      expect(reader.output()).toContain('"points":100');
    } finally {
      process.kill(-(server.child.pid ?? 0), 'SIGTERM');
      await server.exit;
    }
  }, 90_000);

  it('items file examples import as they are', () => {
    for (const name of ['items.json', 'items.csv']) {
      const [example] = blocksMarked(`example: ${name}`);
      expect(example).toBeDefined();
      writeFileSync(join(folder, name), example ?? '');
      const run = runCli(['items', 'import', join(folder, name), '--json'], { env: { DATABASE_URL: databaseUrl } });
      expect(run.status).toBe(0);
      const { created, updated } = JSON.parse(run.stdout) as { created: string[]; updated: string[] };
      expect([...created, ...updated].sort()).toEqual(['bg-1', 'nick-color']);
    }
  });
});
