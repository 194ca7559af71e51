import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { normalizeEmailAddress } from '../../store/email-address.ts';
import type { LimitStore } from '../../store/limits.ts';
import { setKitCookie } from '../web/cookies.ts';
import { createRateLimiter, type RateLimitDecision } from '../web/rate-limit.ts';

/** The device cookie: proof that this browser signed in to an account before. */
export const DEVICE_COOKIE = 'digest_device';
/** How long a device stays known after its last sign-in. */
export const DEVICE_TTL_MS = 90 * 24 * 3_600_000;

/** Sign-in tries allowed before a wait: per client IP a minute, per device or address an hour. */
export const SIGN_IN_LIMITS = { perClientPerMinute: 10, perDevicePerHour: 10, perAddressPerHour: 10 };

/** What the guard says of one sign-in try. */
export type SignInDecision = RateLimitDecision & {
  /** The browser holds a device cookie of this address: it is counted on its own. */
  knownDevice: boolean;
};

/** Options of the sign-in guard. */
export interface SignInGuardOptions {
  /** Signs the device cookies (its own domain of the secret). */
  secret: string;
  /** Where the tries are counted: the store's, shared by every process on the database. */
  limits: LimitStore;
  publicUrl: string;
  /** The clock; default Date.now. */
  now?: () => number;
}

/** Counts sign-in tries, and remembers the browsers that signed in (see createSignInGuard). */
export interface SignInGuard {
  /** Counts a try for `email` from this request: allowed, or the seconds to wait. */
  hit(request: FastifyRequest, email: string): Promise<SignInDecision>;
  /** After a sign-in: this browser is a known device of `email` from now on. */
  remember(request: FastifyRequest, reply: FastifyReply, email: string): void;
}

/**
 * Password guessing is limited without letting a stranger lock an editor out: OWASP's
 * "device cookies". Every try counts against its client IP (10 a minute). A browser that
 * signed in to the address before carries a signed device cookie: its tries count against
 * that device only (10 an hour). Every other try counts against the address (10 an hour), so
 * guessing from many IPs locks out only browsers the address never signed in on; its owner,
 * on a known device, still gets in, and a one-time link (`digest users link`) always works.
 * The counts are in the database (`store.limits`): every web process on it counts together,
 * and a restart (a deploy) forgets none of them.
 */
export function createSignInGuard(options: SignInGuardOptions): SignInGuard {
  const now = options.now ?? Date.now;
  const { limits } = options;
  const perClient = createRateLimiter(limits, 'sign-in:client', {
    max: SIGN_IN_LIMITS.perClientPerMinute,
    windowMs: 60_000,
    now,
  });
  const perDevice = createRateLimiter(limits, 'sign-in:device', {
    max: SIGN_IN_LIMITS.perDevicePerHour,
    windowMs: 3_600_000,
    now,
  });
  const perAddress = createRateLimiter(limits, 'sign-in:address', {
    max: SIGN_IN_LIMITS.perAddressPerHour,
    windowMs: 3_600_000,
    now,
  });
  const sign = (email: string, nonce: string, issued: string) =>
    createHmac('sha256', options.secret).update(`device\0${email}\0${nonce}\0${issued}`).digest('base64url');

  /** The device id of this request's cookie when it was issued to `email` and is recent. */
  const deviceOf = (request: FastifyRequest, email: string): string | null => {
    const [nonce, issued, mac, extra] = String(request.cookies[DEVICE_COOKIE] ?? '').split('.');
    if (!nonce || !issued || !mac || extra !== undefined || !/^[\w-]{22}$/.test(nonce)) return null;
    const at = Number.parseInt(issued, 36);
    if (!Number.isFinite(at) || now() - at > DEVICE_TTL_MS || at > now() + 60_000) return null;
    const expected = Buffer.from(sign(email, nonce, issued));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
  };

  return {
    async hit(request, email) {
      const address = normalizeEmailAddress(email);
      const client = await perClient.hit(request.ip);
      const device = deviceOf(request, address);
      const decision = await (device ? perDevice.hit(device) : perAddress.hit(address));
      const knownDevice = device !== null;
      if (!client.allowed) return { ...client, knownDevice };
      return { ...decision, knownDevice };
    },
    remember(request, reply, email) {
      const address = normalizeEmailAddress(email);
      // A known device keeps its id (its count goes on); a new one gets a fresh id.
      const nonce = deviceOf(request, address) ?? randomBytes(16).toString('base64url');
      const issued = now().toString(36);
      setKitCookie(request, reply, options.publicUrl, {
        name: DEVICE_COOKIE,
        value: `${nonce}.${issued}.${sign(address, nonce, issued)}`,
        maxAgeSeconds: DEVICE_TTL_MS / 1000,
        path: '/desk',
      });
    },
  };
}
