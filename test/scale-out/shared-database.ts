import { createDatabaseAt, postgresBinDir, startPostgres } from '../support/postgres.ts';
import { TEST_POSTGRES_ENV } from '../support/test-store.ts';

type AfterHook = { after(fn: () => void | Promise<void>): void };

/**
 * A fresh PostgreSQL database for instances to share: on the cluster `npm test` started when there
 * is one, else on a cluster this test starts and stops. Undefined when PostgreSQL is not installed.
 */
export async function sharedDatabase(t: AfterHook): Promise<string | undefined> {
  const admin = process.env[TEST_POSTGRES_ENV];
  if (admin) return createDatabaseAt(admin);
  if (!postgresBinDir()) return undefined;
  const pg = await startPostgres();
  t.after(() => pg.stop());
  return pg.createDatabase();
}
