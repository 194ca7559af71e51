import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { DigestError } from '../errors.ts';

/** Shortest and longest password accepted (the longest bounds the work of a hash). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/**
 * scrypt's cost: N = 2^15, r = 8 (32 MiB of memory per hash), p = 1. Memory-hard: a GPU or
 * a custom chip guessing passwords needs that memory for every guess. About 0.1 s here, on
 * libuv's thread pool: the event loop goes on meanwhile.
 */
const COST = { log2N: 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
/** A stored hash may ask for at most this much (a tampered row cannot make us hash for minutes). */
const MAX_LOG2N = 17;

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'must not be the address';
  return null;
}

/** Hashes a password: `scrypt$LOG2N$R$P$SALT$KEY` (base64url), with a fresh 16-byte salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.log2N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

/** True when `password` matches the stored hash (constant-time comparison of the keys). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  const [kind, log2N, r, p, salt, key] = parts;
  if (parts.length !== 6 || kind !== 'scrypt' || !salt || !key) return false;
  const cost = { log2N: Number(log2N), r: Number(r), p: Number(p) };
  if (
    ![cost.log2N, cost.r, cost.p].every(Number.isInteger) ||
    cost.log2N > MAX_LOG2N ||
    cost.r > 16 ||
    cost.p > 4
  ) {
    return false;
  }
  if (password.length > PASSWORD_MAX) return false;
  const expected = Buffer.from(key, 'base64url');
  const given = await derive(password, Buffer.from(salt, 'base64url'), cost);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A hash of nothing anyone knows: signing in to an unknown address costs what a known one does. */
export const DUMMY_HASH = 'scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

function derive(
  password: string,
  salt: Buffer,
  cost: { log2N: number; r: number; p: number },
): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => {
      if (error)
        reject(
          new DigestError('ACCOUNT_INVALID', `cannot hash the password: ${error.message}`, { cause: error }),
        );
      else resolve(key);
    });
  });
}
