import globalTeardown from '../../support/global-teardown';
import { galeraCluster } from './galera-cluster';

/** Drops the run's databases, and stops the cluster when the set-up started it. */
export default async function clusterTeardown(): Promise<void> {
  await globalTeardown();
  if (process.env.FORTE_GALERA_STARTED === 'yes') await galeraCluster('down');
}
