import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.ts';
import { normalizeEmailAddress } from '../store/email-address.ts';
import type { DigestStore } from '../store/store.ts';

/**
 * A signed one-click unsubscribe token: the subscriber's address in normal form (see
 * normalizeEmailAddress), base64url, and an HMAC of it. Cannot be forged without the secret,
 * nor moved to another address. Tokens signed before addresses were normalised carry the
 * address lower-cased; the store normalises what they carry, so they reach the same row.
 */
export function signUnsubscribeToken(email: string, secret: string): string {
  const payload = Buffer.from(normalizeEmailAddress(email), 'utf8').toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

/** The address a token was signed for, or null when the token is malformed or forged. */
export function verifyUnsubscribeToken(token: string, secret: string): string | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return Buffer.from(payload, 'base64url').toString('utf8');
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url');
}

/** The unsubscribe secret: from config, or generated once and kept in the store. */
export async function resolveUnsubscribeSecret(
  config: Readonly<Config>,
  store: DigestStore,
): Promise<string> {
  return (
    config.unsubscribeSecret ??
    store.setSettingIfAbsent('unsubscribe_secret', randomBytes(32).toString('hex'))
  );
}
