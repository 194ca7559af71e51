import type Database from 'better-sqlite3';
import { type AuditLog, type AuditRow, type NewAuditEntry, toAuditEntry } from './audit.ts';

/** The SQLite audit log. */
export class SqliteAudit implements AuditLog {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  async record(entry: NewAuditEntry) {
    this.#db
      .prepare('INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)')
      .run(
        new Date().toISOString(),
        entry.actor,
        entry.action,
        entry.target ?? null,
        entry.detail ? JSON.stringify(entry.detail) : null,
      );
  }

  async list(options: { limit: number; before?: number; target?: string }) {
    const rows = this.#db
      .prepare(
        `SELECT * FROM audit_log WHERE id < @before AND (@target IS NULL OR target = @target)
         ORDER BY id DESC LIMIT @limit`,
      )
      .all({
        before: options.before ?? Number.MAX_SAFE_INTEGER,
        target: options.target ?? null,
        limit: options.limit,
      });
    return (rows as AuditRow[]).map(toAuditEntry);
  }
}
