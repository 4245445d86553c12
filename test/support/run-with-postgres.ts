// Runs a command against a throwaway PostgreSQL: starts one, passes its admin URL in
// AICLOUD_TEST_POSTGRES_URL, stops it when the command ends, and exits with the command's status.
// Usage: tsx test/support/run-with-postgres.ts <command> [args...]
import { spawnSync } from 'node:child_process';
import { startPostgres } from './postgres.ts';
import { TEST_POSTGRES_ENV } from './test-store.ts';

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  process.stderr.write('usage: run-with-postgres <command> [args...]\n');
  process.exit(2);
}
const pg = await startPostgres();
let status = 1;
try {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, [TEST_POSTGRES_ENV]: pg.adminUrl } });
  status = r.status ?? 1;
} finally {
  pg.stop();
}
process.exit(status);
