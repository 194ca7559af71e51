import type { Pool } from 'pg';
import { DigestError } from '../errors.ts';
import { checkLimitWindow, decideLimit, hashLimitKey, type LimitStore, purgeNowAndThen } from './limits.ts';

/**
 * store.limits on Postgres: one upsert per hit. Two processes hitting a key at once meet on
 * its row: the second's ON CONFLICT waits for the first's and then counts on top of it.
 */
export function createPostgresLimits(pool: Pool): LimitStore {
  const purgeExpired = async (now: number) =>
    (await pool.query('DELETE FROM rate_limits WHERE reset_at <= $1', [Math.floor(now)])).rowCount ?? 0;
  const sweep = purgeNowAndThen(purgeExpired);
  return {
    async hit(key, window) {
      checkLimitWindow(window);
      const now = Math.floor(window.now);
      // SET reads the row as it was: an ended window restarts at 1 and gets a new end, else +1.
      const { rows } = await pool.query<{ hits: number; resetAt: number }>(
        `INSERT INTO rate_limits (key, hits, reset_at) VALUES ($1, 1, $2::bigint + $3::bigint)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN rate_limits.reset_at <= $2::bigint THEN 1 ELSE rate_limits.hits + 1 END,
           reset_at = CASE WHEN rate_limits.reset_at <= $2::bigint THEN $2::bigint + $3::bigint
                      ELSE rate_limits.reset_at END
         RETURNING hits, reset_at AS "resetAt"`,
        [hashLimitKey(key), now, window.windowMs],
      );
      const row = rows[0];
      if (!row) throw new DigestError('STORE_FAILED', 'the rate-limit upsert returned no row');
      await sweep(now);
      return decideLimit(row.hits, row.resetAt, window);
    },
    purgeExpired,
  };
}
