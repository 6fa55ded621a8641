import { adminConnection, testRunPrefix } from './test-database';

/** Drops every database this run created, even those of a test file that crashed before its own clean-up. */
export default async function globalTeardown(): Promise<void> {
  const admin = adminConnection();
  try {
    const [rows] = (await admin.raw('SHOW DATABASES LIKE ?', [`${testRunPrefix()}%`])) as [Record<string, string>[]];
    for (const row of rows) {
      const name = Object.values(row)[0];
      if (name) await admin.raw(`DROP DATABASE IF EXISTS \`${name}\``);
    }
  } finally {
    await admin.destroy();
  }
}
