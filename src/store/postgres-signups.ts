import type { Pool } from 'pg';
import type { SignupStore } from './signups.ts';

/** store.signups on Postgres. */
export function createPostgresSignups(pool: Pool): SignupStore {
  return {
    async lastConfirmationSent(subscriberId) {
      const { rows } = await pool.query<{ at: string | null }>(
        `SELECT max(at) AS at FROM subscriber_events WHERE subscriber_id = $1 AND kind = 'confirmation-sent'`,
        [subscriberId],
      );
      return rows[0]?.at ?? null;
    },
    async purgeUnconfirmed(before) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const doomed = `SELECT id FROM subscribers WHERE status = 'unconfirmed' AND created_at < $1`;
        await client.query(`DELETE FROM subscriber_events WHERE subscriber_id IN (${doomed})`, [
          before.toISOString(),
        ]);
        const { rowCount } = await client.query(
          `DELETE FROM subscribers WHERE status = 'unconfirmed' AND created_at < $1`,
          [before.toISOString()],
        );
        await client.query('COMMIT');
        return rowCount ?? 0;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
