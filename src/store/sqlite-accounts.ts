import type Database from 'better-sqlite3';
import {
  type Account,
  type AccountStore,
  type Role,
  type SessionRecord,
  toAccount,
  USER_COLUMNS,
  type UserRow,
} from './accounts.ts';

/** The SQLite accounts, sign-in links and sessions. */
export class SqliteAccounts implements AccountStore {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  async addUser(email: string, role: Role) {
    const info = this.#db
      .prepare('INSERT INTO users (email, role, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
      .run(email, role, new Date().toISOString());
    return info.changes === 1 ? this.findUser(email) : null;
  }

  async findUser(email: string) {
    const row = this.#db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE email = ?`).get(email) as
      | UserRow
      | undefined;
    return row ? toAccount(row) : null;
  }

  async listUsers() {
    const rows = this.#db.prepare(`SELECT ${USER_COLUMNS} FROM users ORDER BY email`).all();
    return (rows as UserRow[]).map(toAccount);
  }

  async passwordHash(userId: number) {
    const row = this.#db.prepare('SELECT password_hash FROM users WHERE id = ?').get(userId) as
      | { password_hash: string | null }
      | undefined;
    return row?.password_hash ?? null;
  }

  async setPassword(userId: number, hash: string) {
    this.#db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, userId);
  }

  async disableUser(email: string) {
    const db = this.#db;
    return db
      .transaction(() => {
        const row = db
          .prepare('UPDATE users SET disabled_at = ? WHERE email = ? AND disabled_at IS NULL RETURNING id')
          .get(new Date().toISOString(), email) as { id: number } | undefined;
        if (!row) return false;
        db.prepare('DELETE FROM sessions WHERE user_id = ?').run(row.id);
        db.prepare('DELETE FROM sign_in_links WHERE user_id = ?').run(row.id);
        return true;
      })
      .immediate();
  }

  async createSignInLink(userId: number, tokenHash: string, expiresAt: Date) {
    this.#db
      .prepare('INSERT INTO sign_in_links (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(tokenHash, userId, new Date().toISOString(), expiresAt.toISOString());
  }

  async findSignInLink(tokenHash: string, now: Date) {
    const row = this.#db
      .prepare(
        `SELECT ${USER_COLUMNS} FROM sign_in_links l JOIN users ON users.id = l.user_id
         WHERE l.token_hash = ? AND l.used_at IS NULL AND l.expires_at > ? AND users.disabled_at IS NULL`,
      )
      .get(tokenHash, now.toISOString()) as UserRow | undefined;
    return row ? toAccount(row) : null;
  }

  async spendSignInLink(tokenHash: string, now: Date): Promise<Account | null> {
    // One UPDATE: of two uses at once, one finds the link unused.
    const used = this.#db
      .prepare(
        `UPDATE sign_in_links SET used_at = @now
         WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now RETURNING user_id`,
      )
      .get({ hash: tokenHash, now: now.toISOString() }) as { user_id: number } | undefined;
    if (!used) return null;
    const row = this.#db
      .prepare(`SELECT ${USER_COLUMNS} FROM users WHERE id = ? AND disabled_at IS NULL`)
      .get(used.user_id) as UserRow | undefined;
    return row ? toAccount(row) : null;
  }

  async createSession(tokenHash: string, userId: number, expiresAt: Date) {
    this.#db
      .prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(tokenHash, userId, new Date().toISOString(), expiresAt.toISOString());
  }

  async findSession(tokenHash: string, now: Date): Promise<SessionRecord | null> {
    const row = this.#db
      .prepare(
        `SELECT ${USER_COLUMNS}, s.created_at AS session_created_at, s.expires_at AS session_expires_at
         FROM sessions s JOIN users ON users.id = s.user_id
         WHERE s.token_hash = ? AND s.expires_at > ? AND users.disabled_at IS NULL`,
      )
      .get(tokenHash, now.toISOString()) as
      | (UserRow & { session_created_at: string; session_expires_at: string })
      | undefined;
    return row
      ? { account: toAccount(row), createdAt: row.session_created_at, expiresAt: row.session_expires_at }
      : null;
  }

  async endSession(tokenHash: string) {
    this.#db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }
}
