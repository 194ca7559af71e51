import type { Pool } from 'pg';
import {
  type Account,
  type AccountStore,
  type Role,
  type SessionRecord,
  toAccount,
  USER_COLUMNS,
  type UserRow,
} from './accounts.ts';
import { transaction } from './postgres-outbox.ts';

/** The Postgres accounts, sign-in links and sessions. */
export class PostgresAccounts implements AccountStore {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async addUser(email: string, role: Role) {
    const { rowCount } = await this.#pool.query(
      'INSERT INTO users (email, role, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [email, role, new Date().toISOString()],
    );
    return rowCount === 1 ? this.findUser(email) : null;
  }

  async findUser(email: string) {
    return this.#one(`SELECT ${USER_COLUMNS} FROM users WHERE lower(email) = lower($1)`, [email]);
  }

  async listUsers() {
    const { rows } = await this.#pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY email`);
    return rows.map(toAccount);
  }

  async passwordHash(userId: number) {
    const { rows } = await this.#pool.query<{ password_hash: string | null }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [userId],
    );
    return rows[0]?.password_hash ?? null;
  }

  async setPassword(userId: number, hash: string) {
    await this.#pool.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, hash]);
  }

  async disableUser(email: string) {
    return transaction(this.#pool, async (client) => {
      const { rows } = await client.query<{ id: number }>(
        'UPDATE users SET disabled_at = $2 WHERE lower(email) = lower($1) AND disabled_at IS NULL RETURNING id',
        [email, new Date().toISOString()],
      );
      const id = rows[0]?.id;
      if (id === undefined) return false;
      await client.query('DELETE FROM sessions WHERE user_id = $1', [id]);
      await client.query('DELETE FROM sign_in_links WHERE user_id = $1', [id]);
      return true;
    });
  }

  async createSignInLink(userId: number, tokenHash: string, expiresAt: Date) {
    await this.#pool.query(
      'INSERT INTO sign_in_links (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [tokenHash, userId, new Date().toISOString(), expiresAt.toISOString()],
    );
  }

  async findSignInLink(tokenHash: string, now: Date) {
    return this.#one(
      `SELECT ${USER_COLUMNS} FROM sign_in_links l JOIN users ON users.id = l.user_id
       WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > $2 AND users.disabled_at IS NULL`,
      [tokenHash, now.toISOString()],
    );
  }

  async spendSignInLink(tokenHash: string, now: Date): Promise<Account | null> {
    // One UPDATE: of two uses at once, one finds the link unused.
    return this.#one(
      `WITH used AS (
         UPDATE sign_in_links SET used_at = $2
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id)
       SELECT ${USER_COLUMNS} FROM users JOIN used ON used.user_id = users.id WHERE users.disabled_at IS NULL`,
      [tokenHash, now.toISOString()],
    );
  }

  async createSession(tokenHash: string, userId: number, expiresAt: Date) {
    await this.#pool.query(
      'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [tokenHash, userId, new Date().toISOString(), expiresAt.toISOString()],
    );
  }

  async findSession(tokenHash: string, now: Date): Promise<SessionRecord | null> {
    const { rows } = await this.#pool.query<
      UserRow & { session_created_at: string; session_expires_at: string }
    >(
      `SELECT ${USER_COLUMNS}, s.created_at AS session_created_at, s.expires_at AS session_expires_at
       FROM sessions s JOIN users ON users.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > $2 AND users.disabled_at IS NULL`,
      [tokenHash, now.toISOString()],
    );
    const row = rows[0];
    return row
      ? { account: toAccount(row), createdAt: row.session_created_at, expiresAt: row.session_expires_at }
      : null;
  }

  async endSession(tokenHash: string) {
    await this.#pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async #one(sql: string, values: unknown[]): Promise<Account | null> {
    const { rows } = await this.#pool.query<UserRow>(sql, values);
    return rows[0] ? toAccount(rows[0]) : null;
  }
}
