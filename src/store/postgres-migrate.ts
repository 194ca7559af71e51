import type { Pool } from 'pg';
import { MIGRATIONS } from './migrations.ts';

/**
 * Key of the advisory lock migrations run under: processes starting at once on one database
 * take turns, so the second finds the work done instead of running it twice.
 */
const MIGRATION_LOCK = 0x6469_6765;

/**
 * Creates the schema when missing, under the migration lock: CREATE SCHEMA IF NOT EXISTS is
 * not safe against itself (two processes at once: one fails on pg_namespace's unique key).
 */
export async function ensureSchema(pool: Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Runs the migrations the Postgres schema has not seen yet, each in its own transaction. */
export async function migratePostgres(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
      );
      const { rows } = await client.query<{ v: number }>(
        'SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_migrations',
      );
      for (let version = rows[0]?.v ?? 0; version < MIGRATIONS.length; version++) {
        const migration = MIGRATIONS[version];
        if (!migration) break;
        await client.query('BEGIN');
        try {
          await client.query(migration.postgres);
          await migration.postgresData?.(client);
          await client.query(
            'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
            [version + 1, migration.name, new Date().toISOString()],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
