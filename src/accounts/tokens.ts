import { createHash, randomBytes } from 'node:crypto';

/** A new secret token for a link or a cookie: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the store keeps of a token: its SHA-256 (a copy of the database opens no session). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token as newToken makes them: anything else is refused before the store is asked. */
export function isToken(value: unknown): value is string {
  return typeof value === 'string' && /^[\w-]{43}$/.test(value);
}
