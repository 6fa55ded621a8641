import type { Runtime } from '../runtime';

/**
 * Runs a command against Forte's configured database, closing the connection however the command ends. The
 * configuration and the runtime are loaded here, not at start-up, so commands without a database stay light.
 */
export async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const [{ loadConfig }, { openRuntime }] = await Promise.all([
    import('../adapters/config/load-config'),
    import('../runtime'),
  ]);
  const runtime = await openRuntime(loadConfig(), { migrations: 'apply-on-sqlite' });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}
