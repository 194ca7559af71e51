/** What an account may do on the desk: editors review drafts, ops run editions and the list, admins both. */
export type Role = 'editor' | 'ops' | 'admin';

export const ROLES: readonly Role[] = ['editor', 'ops', 'admin'];

/** A named desk account. The password hash never leaves the store except to be verified. */
export interface Account {
  id: number;
  email: string;
  role: Role;
  /** False until the one-time sign-in link was used to choose one. */
  hasPassword: boolean;
  createdAt: string;
  /** Set when removed: a disabled account cannot sign in and has no sessions. */
  disabledAt: string | null;
}

/** A signed-in session, found by the hash of its cookie's token. */
export interface SessionRecord {
  account: Account;
  createdAt: string;
  expiresAt: string;
}

/**
 * Accounts, one-time sign-in links and sessions (store.accounts). Tokens are kept only as
 * SHA-256 hashes: a copy of the database signs nobody in.
 */
export interface AccountStore {
  /** Creates an account; null when the address (in any case) has one already. */
  addUser(email: string, role: Role): Promise<Account | null>;
  findUser(email: string): Promise<Account | null>;
  listUsers(): Promise<Account[]>;
  /** The account's password hash (scrypt, see src/accounts/password.ts), or null. */
  passwordHash(userId: number): Promise<string | null>;
  setPassword(userId: number, hash: string): Promise<void>;
  /** Disables the account and ends its sessions and links; false when there is no such active account. */
  disableUser(email: string): Promise<boolean>;
  createSignInLink(userId: number, tokenHash: string, expiresAt: Date): Promise<void>;
  /** The link's account when the link is unused and unexpired (a look, not a use). */
  findSignInLink(tokenHash: string, now: Date): Promise<Account | null>;
  /** Uses the link once (atomically): its account, or null when unknown, used, expired or disabled. */
  spendSignInLink(tokenHash: string, now: Date): Promise<Account | null>;
  createSession(tokenHash: string, userId: number, expiresAt: Date): Promise<void>;
  /** The session when it exists, has not expired and its account is active. */
  findSession(tokenHash: string, now: Date): Promise<SessionRecord | null>;
  endSession(tokenHash: string): Promise<void>;
}

/** A users row, as both dialects return it. */
export interface UserRow {
  id: number;
  email: string;
  role: Role;
  has_password: number | boolean;
  created_at: string;
  disabled_at: string | null;
}

/** The columns an Account is read from (without the hash itself). */
export const USER_COLUMNS = `users.id, users.email, users.role, users.password_hash IS NOT NULL AS has_password,
  users.created_at, users.disabled_at`;

/** Maps a users row to the model. */
export const toAccount = (r: UserRow): Account => ({
  id: Number(r.id),
  email: r.email,
  role: r.role,
  hasPassword: Boolean(r.has_password),
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
});
