import { Command } from 'commander';
import { loadConfig } from '../../adapters/config/load-config';
import { openRuntime } from '../../runtime';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the HTTP API (on SQLite, pending migrations are applied first)')
    .option('--migrate', 'apply pending migrations before serving, on MySQL too')
    .action(async (options: { migrate?: boolean }) => {
      const config = loadConfig();
      const runtime = await openRuntime(config, { migrations: options.migrate ? 'apply' : 'apply-on-sqlite' });
      // Loaded here so that the other commands do not pay for the HTTP stack at start-up.
      const { startServer } = await import('../../server');
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
