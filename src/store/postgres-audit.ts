import type { Pool } from 'pg';
import { type AuditLog, type AuditRow, type NewAuditEntry, toAuditEntry } from './audit.ts';

/** The Postgres audit log. */
export class PostgresAudit implements AuditLog {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async record(entry: NewAuditEntry) {
    await this.#pool.query(
      'INSERT INTO audit_log (at, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5)',
      [
        new Date().toISOString(),
        entry.actor,
        entry.action,
        entry.target ?? null,
        entry.detail ? JSON.stringify(entry.detail) : null,
      ],
    );
  }

  async list(options: { limit: number; before?: number; target?: string }) {
    const { rows } = await this.#pool.query<AuditRow>(
      `SELECT * FROM audit_log WHERE ($1::int IS NULL OR id < $1) AND ($2::text IS NULL OR target = $2)
       ORDER BY id DESC LIMIT $3`,
      [options.before ?? null, options.target ?? null, options.limit],
    );
    return rows.map(toAuditEntry);
  }
}
