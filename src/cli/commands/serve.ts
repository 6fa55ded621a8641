import { Command } from 'commander';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the HTTP API (on SQLite, pending migrations are applied first)')
    .option('--migrate', 'apply pending migrations before serving, on MySQL too')
    .action(async (options: { migrate?: boolean }) => {
      // Loaded here so that the other commands do not pay for the HTTP stack at start-up.
      const [{ loadConfig }, { openRuntime }, { startServer }] = await Promise.all([
        import('../../adapters/config/load-config'),
        import('../../runtime'),
        import('../../server'),
      ]);
      const config = loadConfig();
      const runtime = await openRuntime(config, { migrations: options.migrate ? 'apply' : 'apply-on-sqlite' });
      const server = await startServer(runtime);
      process.stderr.write(`forte: listening on http://${config.HOST}:${server.port} (${runtime.databaseKind})\n`);
      const stop = (): void => {
        process.stderr.write('forte: shutting down\n');
        void server.stop().then(() => runtime.close());
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
}
