import type { FastifyReply, FastifyRequest } from 'fastify';

/** Options of a rate limiter; all optional. */
export interface RateLimitOptions {
  /** Requests allowed per key and window. Default 10. */
  max?: number;
  /** Window length, ms. Default 60 000. */
  windowMs?: number;
  /** Keys remembered at most (the oldest are forgotten first): memory stays bounded under a flood of addresses. Default 10 000. */
  maxKeys?: number;
  /** The clock; default Date.now (tests move it). */
  now?: () => number;
}

/** The outcome of one hit: allowed, or refused with the seconds until the window ends. */
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A fixed-window counter per key (an IP address, an email address), in this process's memory. */
export interface RateLimiter {
  hit(key: string): RateLimitDecision;
}

/** Creates a rate limiter; see RateLimitOptions for the defaults. */
export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const max = options.max ?? 10;
  const windowMs = options.windowMs ?? 60_000;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    hit(key) {
      const t = now();
      let window = windows.get(key);
      if (!window || window.resetAt <= t) {
        windows.delete(key);
        window = { count: 0, resetAt: t + windowMs };
        windows.set(key, window);
        // A Map iterates in insertion order: the first keys are the oldest windows.
        while (windows.size > maxKeys) windows.delete(windows.keys().next().value as string);
      }
      window.count++;
      if (window.count <= max) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - t) / 1000)) };
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
    const decision = limiter.hit(request.ip);
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
