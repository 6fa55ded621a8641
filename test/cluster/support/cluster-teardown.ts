import globalTeardown from '../../support/global-teardown';
import { galeraCluster } from './galera-cluster';

/**
 * Stops the cluster when the set-up started it (its databases go with it); on a cluster that was up already, drops
 * the run's databases once every node is synced again (a test that failed may have left one rejoining).
 */
export default async function clusterTeardown(): Promise<void> {
  if (process.env.FORTE_GALERA_STARTED === 'yes') {
    await galeraCluster('down');
    return;
  }
  await galeraCluster('up');
  await globalTeardown();
}
