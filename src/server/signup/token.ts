import { createHmac, timingSafeEqual } from 'node:crypto';
import { normalizeEmailAddress } from '../../store/email-address.ts';

/** How long a confirmation link works. */
export const CONFIRM_LINK_HOURS = 48;

/** Where a sign-up came from: the page's form, or a site's server posting JSON. */
export type SignupSource = 'form' | 'api';

/** What a valid confirmation token says. */
export interface ConfirmClaim {
  email: string;
  /** When the link was made (ISO). */
  issuedAt: string;
  source: SignupSource;
}

/**
 * The token of a confirmation link: the address, when it was issued and the sign-up's source,
 * signed with HMAC-SHA256 in a domain of its own (it is never a valid unsubscribe token).
 */
export function signConfirmToken(
  claim: Omit<ConfirmClaim, 'issuedAt'>,
  secret: string,
  now = new Date(),
): string {
  const email = normalizeEmailAddress(claim.email);
  const issued = Math.floor(now.getTime() / 1000);
  const payload = `${Buffer.from(email).toString('base64url')}.${issued}.${claim.source === 'api' ? 'a' : 'f'}`;
  return `${payload}.${mac(payload, secret)}`;
}

/** The claim of a token, 'expired' when it is older than CONFIRM_LINK_HOURS, null when forged or cut. */
export function verifyConfirmToken(
  token: string,
  secret: string,
  now = new Date(),
): ConfirmClaim | 'expired' | null {
  const match = /^([\w-]{1,400})\.(\d{1,12})\.([fa])\.([\w-]{43})$/.exec(token);
  if (!match) return null;
  const [, email64 = '', issued = '', source = '', given = ''] = match;
  const expected = Buffer.from(mac(`${email64}.${issued}.${source}`, secret));
  if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), expected)) return null;
  const issuedMs = Number(issued) * 1000;
  if (now.getTime() - issuedMs > CONFIRM_LINK_HOURS * 3_600_000) return 'expired';
  return {
    email: Buffer.from(email64, 'base64url').toString('utf8'),
    issuedAt: new Date(issuedMs).toISOString(),
    source: source === 'a' ? 'api' : 'form',
  };
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`subscribe-confirm\0${payload}`).digest('base64url');
}
