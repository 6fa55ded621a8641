import { Command } from 'commander';
import { explainListenFailure } from '../listen-failure';
import { openCliRuntime } from '../with-runtime';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the HTTP API (on SQLite, pending migrations are applied first)')
    .option('--migrate', 'apply pending migrations before serving, on MySQL too')
    .option('--json', 'once listening, print {"url", "database"} as the first line of standard output')
    .action(async (options: { migrate?: boolean; json?: boolean }) => {
      const runtime = await openCliRuntime(options.migrate ? 'apply' : 'apply-on-sqlite');
      const { HOST: host, PORT: port } = runtime.config;
      let server;
      try {
        // Loaded here so that the other commands do not pay for the HTTP stack at start-up.
        const { startServer } = await import('../../server');
        server = await startServer(runtime);
      } catch (error) {
        // An open database would keep a process that serves nothing alive.
        await runtime.close();
        throw explainListenFailure(error, { host, port });
      }
      const url = `http://${host}:${server.port}`;
      if (options.json) process.stdout.write(`${JSON.stringify({ url, database: runtime.databaseKind })}\n`);
      process.stderr.write(`forte: listening on ${url} (${runtime.databaseKind})\n`);
      const stop = (): void => {
        process.stderr.write('forte: shutting down\n');
        void server.stop().then(() => runtime.close());
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
}
