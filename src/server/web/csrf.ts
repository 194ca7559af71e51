import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setKitCookie } from './cookies.ts';

/** The cookie holding the browser's CSRF nonce, and the form field holding the token. */
export const CSRF_COOKIE = 'digest_csrf';
export const CSRF_FIELD = '_csrf';

/** What the CSRF tokens need: the server's secret and PUBLIC_URL (for the Secure flag). */
export interface CsrfOptions {
  secret: string;
  publicUrl: string;
}

/**
 * The token to put in a form's hidden `_csrf` field: the HMAC of a per-browser nonce kept in
 * an HttpOnly SameSite=Lax cookie (set here when missing). A "signed double-submit cookie":
 * another site can neither read the nonce nor compute the token, and a cross-site POST does
 * not even carry the cookie, so its form is refused.
 */
export function issueCsrfToken(request: FastifyRequest, reply: FastifyReply, options: CsrfOptions): string {
  let nonce = request.cookies[CSRF_COOKIE];
  if (!nonce || !NONCE.test(nonce)) {
    nonce = randomBytes(18).toString('base64url');
    setKitCookie(request, reply, options.publicUrl, { name: CSRF_COOKIE, value: nonce });
    // Later calls in the same request (two forms on a page) share it.
    request.cookies[CSRF_COOKIE] = nonce;
  }
  return signNonce(nonce, options.secret);
}

/** True when `token` is the token of this browser's nonce (constant-time comparison). */
export function verifyCsrfToken(request: FastifyRequest, token: unknown, secret: string): boolean {
  const nonce = request.cookies[CSRF_COOKIE];
  if (typeof token !== 'string' || !nonce || !NONCE.test(nonce)) return false;
  const expected = Buffer.from(signNonce(nonce, secret));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** An `<input type="hidden">` carrying the token. */
export function csrfField(token: string): string {
  return `<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;
}

const NONCE = /^[\w-]{24}$/;

function signNonce(nonce: string, secret: string): string {
  // Its own domain of the secret: a CSRF token is never a valid unsubscribe or calendar MAC.
  return createHmac('sha256', secret).update(`csrf\0${nonce}`).digest('base64url');
}
