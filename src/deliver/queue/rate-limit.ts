import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';

/** Waits for the right to send one message; resolves to the window it was granted in (null: unlimited). */
export type RateGate = () => Promise<number | null>;

/** A window for a rate: 0.5/s = 1 per 2 s, 20/s = 20 per second. undefined = unlimited. */
export function limiterFor(rate: number): { max: number; duration: number } | undefined {
  if (rate <= 0) return undefined;
  if (rate < 1) return { max: 1, duration: Math.round(1000 / rate) };
  return { max: Math.round(rate), duration: 1000 };
}

/**
 * SMTP_RATE_PER_SECOND across every sender: a fixed-window counter in Redis (INCR on a key per
 * window). Jobs carry batches, so BullMQ's own limiter (which counts jobs) cannot count
 * messages. A message that finds its window full waits for the next one. Unlimited costs nothing.
 */
export function redisRateGate(redis: Redis, ratePerSecond: number): RateGate {
  const limit = limiterFor(ratePerSecond);
  if (!limit) return async () => null;
  return async () => {
    for (;;) {
      const now = Date.now();
      const window = Math.floor(now / limit.duration);
      const key = `digest:rate:${window}`;
      const results = await redis
        .multi()
        .incr(key)
        .pexpire(key, limit.duration * 2)
        .exec();
      if (Number(results?.[0]?.[1] ?? 0) <= limit.max) return window;
      await sleep((window + 1) * limit.duration - now);
    }
  };
}
