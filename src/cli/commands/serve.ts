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
      // Stop accepting, finish what is in flight (bounded by SHUTDOWN_GRACE_MS), stop the workers, close the pool,
      // the access log and Sentry, then exit 0. A second signal ends the process at once (Node's default).
      const stop = (signal: NodeJS.Signals): void => {
        process.stderr.write(`forte: ${signal}: shutting down\n`);
        // A request cut at the grace period may still wait on the database (a row lock): it must not hold the exit.
        // Its transaction never committed, so the database rolls it back when the connection goes.
        setTimeout(() => {
          process.stderr.write('forte: still closing after SHUTDOWN_GRACE_MS; exiting\n');
          process.exit(0);
        }, runtime.config.SHUTDOWN_GRACE_MS + 2000).unref();
        void server
          .stop()
          .then(() => runtime.close())
          .then(
            () => {
              process.stderr.write('forte: stopped\n');
              process.exitCode = 0;
            },
            (error: unknown) => {
              process.stderr.write(
                `forte: shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`,
              );
              process.exitCode = 2;
            },
          )
          // Whatever handle a library keeps open must not hold a stopped server's process.
          .finally(() => setTimeout(() => process.exit(), 1000).unref());
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
}
