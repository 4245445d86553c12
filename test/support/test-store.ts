import { createDatabaseAt } from './postgres.ts';

/** Set by scripts/test.mjs for the suite's second run: the admin URL of a throwaway PostgreSQL. */
export const TEST_POSTGRES_ENV = 'AICLOUD_TEST_POSTGRES_URL';

/**
 * The store a test's control plane gets when the test does not choose one: undefined (SQLite in
 * memory) normally, a fresh PostgreSQL database in the run against PostgreSQL, so the same
 * integration tests prove both stores.
 */
export async function testDatabaseUrl(): Promise<string | undefined> {
  const admin = process.env[TEST_POSTGRES_ENV];
  return admin ? createDatabaseAt(admin) : undefined;
}
