import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setKitCookie } from './cookies.ts';
import { sendPage } from './layout.ts';

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

/** The token a form body carries, whatever the body is (undefined when it has none). */
export function csrfOf(body: unknown): unknown {
  return typeof body === 'object' && body !== null
    ? (body as Record<string, unknown>)[CSRF_FIELD]
    : undefined;
}

/**
 * What a form without a valid token is told, missing and forged alike (403): the same words on
 * every page of the kit, the desk's included. A person can always open the page again.
 */
export const FORGED_FORM = {
  title: 'Form expired',
  sentence:
    'This form’s security token is missing or wrong (an old page, or a form from another site). Nothing was changed: open the page again and retry.',
} as const;

/** Answers a form whose token is missing or forged: 403, FORGED_FORM, nothing changed. */
export function refuseForgedForm(reply: FastifyReply): FastifyReply {
  return sendPage(reply, 403, {
    title: FORGED_FORM.title,
    body: `<h1>${FORGED_FORM.title}</h1><p>${FORGED_FORM.sentence}</p>`,
  });
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
