import type { FastifyReply, FastifyRequest } from 'fastify';

/** Options of a kit cookie; all optional. */
export interface KitCookieOptions {
  /** Lifetime in seconds; default: a session cookie (gone when the browser closes). */
  maxAgeSeconds?: number;
  /** Path the browser sends it to; default '/'. */
  path?: string;
}

/**
 * Whether the page was reached over TLS: a PUBLIC_URL of https (a TLS proxy in front) or
 * the request's own protocol (which honours X-Forwarded-Proto only with HTTP_TRUST_PROXY).
 */
export function isSecureContext(request: FastifyRequest, publicUrl: string): boolean {
  return publicUrl.startsWith('https:') || request.protocol === 'https';
}

/**
 * Sets a cookie the way every form of the product does: HttpOnly (no script reads it),
 * SameSite=Lax (a cross-site POST does not carry it), Secure behind TLS.
 */
export function setKitCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  publicUrl: string,
  cookie: { name: string; value: string } & KitCookieOptions,
): void {
  reply.setCookie(cookie.name, cookie.value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureContext(request, publicUrl),
    path: cookie.path ?? '/',
    ...(cookie.maxAgeSeconds === undefined ? {} : { maxAge: cookie.maxAgeSeconds }),
  });
}

/** Clears a kit cookie (same path, expired). */
export function clearKitCookie(reply: FastifyReply, name: string, path = '/'): void {
  reply.clearCookie(name, { path });
}
