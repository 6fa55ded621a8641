import { adminConnection, testServerUrl } from './test-database';

/** Fails the run at once, with the reason, when the MariaDB server the tests need is not reachable. */
export default async function globalSetup(): Promise<void> {
  process.env.FORTE_TEST_RUN_ID = `${Date.now().toString(36)}${process.pid}`;
  const admin = adminConnection();
  try {
    await admin.raw('SELECT 1');
  } catch (error) {
    throw new Error(
      `The tests need MariaDB/MySQL at ${testServerUrl()} (set TEST_DATABASE_URL): ${(error as Error).message}`,
    );
  } finally {
    await admin.destroy();
  }
}
