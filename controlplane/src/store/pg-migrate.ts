import type pg from 'pg';
import { PG_MIGRATIONS } from './pg-schema.ts';

/** Advisory-lock key for migrations (an arbitrary constant, "aic" + a digit; writers take the one before). */
const MIGRATION_LOCK = 6_179_267_2;

/** Runs the migrations not yet recorded, under a lock so instances starting together run each once. */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (let i = 0; i < PG_MIGRATIONS.length; i++) {
        if (done.has(i + 1)) continue;
        await client.query('BEGIN');
        try {
          await client.query(PG_MIGRATIONS[i]!);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [i + 1]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw e;
        }
      }
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    client.release();
  }
}
