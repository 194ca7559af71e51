import type { FastifyReply, FastifyRequest } from 'fastify';
import { type LimitDecision, type LimitStore, secondsUntil } from '../../store/limits.ts';

/** Options of a rate limiter; all optional. */
export interface RateLimitOptions {
  /** Requests allowed per key and window. Default 10. */
  max?: number;
  /** Window length, ms. Default 60 000. */
  windowMs?: number;
  /** Refused keys this process remembers at most (the oldest are forgotten first). Default 10 000. */
  maxKeys?: number;
  /** The clock; default Date.now (tests move it). */
  now?: () => number;
}

/** The outcome of one hit: allowed, or refused with the seconds until the window ends. */
export type RateLimitDecision = LimitDecision;

/** A fixed-window counter per key (an IP address, an email address), shared through the store. */
export interface RateLimiter {
  hit(key: string): Promise<RateLimitDecision>;
}

/**
 * Creates a rate limiter counting in the database (`store.limits`), so that every process on
 * it shares one count per key and a restart forgets nothing. `scope` names the limit (its keys
 * are apart from other limits'). Once the database refuses a key, this process refuses it
 * again without asking until that window ends: the count only grows within a window, so the
 * answer is the same, and a flood from one client costs one write per window, not one per
 * request. See RateLimitOptions for the defaults.
 */
export function createRateLimiter(
  limits: LimitStore,
  scope: string,
  options: RateLimitOptions = {},
): RateLimiter {
  const max = options.max ?? 10;
  const windowMs = options.windowMs ?? 60_000;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  const refusedUntil = new Map<string, number>();
  return {
    async hit(key) {
      const t = now();
      const until = refusedUntil.get(key);
      if (until !== undefined && until > t)
        return { allowed: false, retryAfterSeconds: secondsUntil(until, t), resetAt: until };
      refusedUntil.delete(key);
      const decision = await limits.hit(`${scope}\0${key}`, { max, windowMs, now: t });
      if (!decision.allowed) {
        refusedUntil.set(key, decision.resetAt);
        // A Map iterates in insertion order: the first keys are the oldest refusals.
        while (refusedUntil.size > maxKeys) refusedUntil.delete(refusedUntil.keys().next().value as string);
      }
      return decision;
    },
  };
}

/**
 * A preHandler refusing a client IP over its limit with 429 and Retry-After. The IP is the
 * socket's, or X-Forwarded-For's with HTTP_TRUST_PROXY set (behind a reverse proxy).
 * `refuse` writes the answer (an HTML page or JSON); default plain text.
 */
export function limitByIp(
  limiter: RateLimiter,
  refuse: (request: FastifyRequest, reply: FastifyReply, retryAfterSeconds: number) => FastifyReply = plain,
): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  return async (request, reply) => {
    const decision = await limiter.hit(request.ip);
    if (decision.allowed) return;
    reply.header('retry-after', String(decision.retryAfterSeconds));
    await refuse(request, reply, decision.retryAfterSeconds);
  };
}

function plain(_request: FastifyRequest, reply: FastifyReply, seconds: number): FastifyReply {
  return reply
    .code(429)
    .type('text/plain; charset=utf-8')
    .send(`Too many requests: try again in ${seconds} s.\n`);
}
