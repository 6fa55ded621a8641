import { loadConfig } from '../adapters/config/load-config';
import { openRuntime, Runtime } from '../runtime';

/** Runs a command against Forte's configured database, closing the connection however the command ends. */
export async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(loadConfig(), { migrations: 'apply-on-sqlite' });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}
