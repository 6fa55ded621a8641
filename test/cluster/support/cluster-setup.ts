import globalSetup from '../../support/global-setup';
import { galeraCluster, nodeServerUrl, wsrepStatus } from './galera-cluster';

/**
 * Brings the local 3-node cluster up and points the test databases at node 1 (the tests reach the same databases
 * through the other nodes). A cluster that was already up (`make cluster-up`) is used as it is and left up.
 */
export default async function clusterSetup(): Promise<void> {
  process.env.TEST_DATABASE_URL = nodeServerUrl(1);
  const alreadyUp = await wsrepStatus(1).then(
    () => true,
    () => false,
  );
  if (!alreadyUp) process.env.FORTE_GALERA_STARTED = 'yes';
  await galeraCluster('up');
  await globalSetup();
}
