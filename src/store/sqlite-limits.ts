import type Database from 'better-sqlite3';
import { checkLimitWindow, decideLimit, hashLimitKey, type LimitStore, purgeNowAndThen } from './limits.ts';

/** store.limits on SQLite: one upsert per hit, atomic across processes on the file. */
export function createSqliteLimits(db: Database.Database): LimitStore {
  // SET reads the row as it was: an ended window restarts at 1 and gets a new end, else +1.
  const upsert = db.prepare(
    `INSERT INTO rate_limits (key, hits, reset_at) VALUES (@key, 1, @now + @windowMs)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN rate_limits.reset_at <= @now THEN 1 ELSE rate_limits.hits + 1 END,
       reset_at = CASE WHEN rate_limits.reset_at <= @now THEN @now + @windowMs ELSE rate_limits.reset_at END
     RETURNING hits, reset_at AS resetAt`,
  );
  const remove = db.prepare('DELETE FROM rate_limits WHERE reset_at <= ?');
  const purgeExpired = async (now: number) => remove.run(Math.floor(now)).changes;
  const sweep = purgeNowAndThen(purgeExpired);
  return {
    async hit(key, window) {
      checkLimitWindow(window);
      const now = Math.floor(window.now);
      const row = upsert.get({ key: hashLimitKey(key), now, windowMs: window.windowMs }) as {
        hits: number;
        resetAt: number;
      };
      await sweep(now);
      return decideLimit(row.hits, row.resetAt, window);
    },
    purgeExpired,
  };
}
