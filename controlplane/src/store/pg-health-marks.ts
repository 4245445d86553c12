import type { HealthMark } from './records.ts';
import type { PgTables, Row } from './pg-query.ts';

/** Health marks: faulty accelerators and draining servers, which survive a restart. */
export const pgHealthMarks: PgTables<'listHealthMarks' | 'putHealthMark'> = ({ query }) => ({
  listHealthMarks: async () => query<HealthMark & Row>('listHealth', 'SELECT target, type, reason, created_at AS "createdAt" FROM health_marks'),
  putHealthMark: async (m) =>
    void (await query(
      'putHealth',
      `INSERT INTO health_marks (target, type, reason, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (target) DO UPDATE SET type = excluded.type, reason = excluded.reason, created_at = excluded.created_at`,
      [m.target, m.type, m.reason, m.createdAt],
    )),
});
