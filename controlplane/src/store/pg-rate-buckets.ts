import type { PgTables } from './pg-query.ts';

/** Rate-limit buckets: one per caller in the database, so a limit holds across instances. */
export const pgRateBuckets: PgTables<'takeRateToken'> = ({ one }) => ({
  async takeRateToken(caller, now, perSecond, burst) {
    // One statement, so two instances serving one caller queue on its row: refill by the time
    // since the last request, take a token when a whole one is there. SET sees the old row.
    const refilled = 'LEAST($4::float8, b.tokens + GREATEST(0, $2::bigint - b.at) / 1000.0 * $3::float8)';
    const row = await one<{ passed: boolean; tokens: number }>(
      'takeRateToken',
      `INSERT INTO rate_buckets AS b (caller, tokens, at, passed) VALUES ($1, $4::float8 - 1, $2, true)
       ON CONFLICT (caller) DO UPDATE SET
         tokens = ${refilled} - CASE WHEN ${refilled} >= 1 THEN 1 ELSE 0 END,
         passed = ${refilled} >= 1,
         at = GREATEST(b.at, $2::bigint)
       RETURNING passed, tokens`,
      [caller, now, perSecond, burst],
    );
    if (row!.passed) return 0;
    return Math.max(1, Math.ceil((1 - Number(row!.tokens)) / perSecond));
  },
});
