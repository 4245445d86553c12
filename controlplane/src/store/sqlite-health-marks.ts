import type { HealthMark } from './records.ts';
import type { SqliteTables } from './sqlite-sync-store.ts';

/** Health marks: faulty accelerators and draining servers, which survive a restart. */
export const sqliteHealthMarks: SqliteTables<'listHealthMarks' | 'putHealthMark'> = (db) => {
  const s = {
    listHealth: db.prepare('SELECT target, type, reason, created_at AS createdAt FROM health_marks'),
    putHealth: db.prepare('INSERT OR REPLACE INTO health_marks (target, type, reason, created_at) VALUES (@target, @type, @reason, @createdAt)'),
  };
  return {
    listHealthMarks: () => s.listHealth.all() as HealthMark[],
    putHealthMark: (m) => void s.putHealth.run(m),
  };
};
