import { join } from 'node:path';
import Fastify, { type FastifyRequest } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSignInGuard, SIGN_IN_LIMITS } from '../../src/server/desk/sign-in-guard.ts';
import { installErrorHandlers } from '../../src/server/web/errors.ts';
import { createRateLimiter, limitByIp } from '../../src/server/web/rate-limit.ts';
import type { LimitStore } from '../../src/store/limits.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { type FreshStore, STORE_BACKENDS } from '../helpers/store-backends.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** What a sign-in try looks like to the guard: a client IP and no device cookie. */
const tryFrom = (ip: string) => ({ ip, cookies: {} }) as unknown as FastifyRequest;

describe('the rate limiter in front of store.limits', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: DigestStore;
  /** The real store's limits, counting the hits that reach the database. */
  let asked: string[];
  let limits: LimitStore;
  beforeEach(() => {
    temp = makeTempDir('digest-limiter-');
    store = openSqliteStore(join(temp.dir, 'digest.db'));
    asked = [];
    limits = {
      hit: (key, window) => {
        asked.push(key.split('\0')[1] ?? key);
        return store.limits.hit(key, window);
      },
      purgeExpired: (now) => store.limits.purgeExpired(now),
    };
  });
  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  it('answers a key the database refused from memory until its window ends, so a flood costs one write', async () => {
    let now = 0;
    const limiter = createRateLimiter(limits, 'kit', { max: 2, windowMs: 1000, now: () => now });
    const answers = [];
    for (let i = 0; i < 50; i++) answers.push(await limiter.hit('192.0.2.1'));
    expect(answers.filter((a) => a.allowed)).toHaveLength(2);
    expect(answers.at(-1)).toEqual({ allowed: false, retryAfterSeconds: 1, resetAt: 1000 });
    expect(asked).toHaveLength(3);
    // The window's end, to the millisecond: the database is asked again, and allows.
    now = 999;
    expect((await limiter.hit('192.0.2.1')).allowed).toBe(false);
    now = 1000;
    expect((await limiter.hit('192.0.2.1')).allowed).toBe(true);
    expect(asked).toHaveLength(4);
  });

  it('remembers at most maxKeys refusals (the oldest go first), and a forgotten one is still refused by the database', async () => {
    const limiter = createRateLimiter(limits, 'kit', { max: 1, windowMs: 60_000, maxKeys: 2, now: () => 0 });
    for (const key of ['a', 'a', 'b', 'b', 'c', 'c']) await limiter.hit(key);
    asked.length = 0;
    // b and c are in memory; a was forgotten: the database is asked, and refuses.
    expect((await limiter.hit('c')).allowed).toBe(false);
    expect(asked).toEqual([]);
    expect((await limiter.hit('a')).allowed).toBe(false);
    expect(asked).toEqual(['a']);
  });

  it('fails a limited request with 500, never lets it through, when the database cannot count it', async () => {
    const app = Fastify({ logger: false });
    installErrorHandlers(app);
    let handled = 0;
    app.post('/form', { preHandler: limitByIp(createRateLimiter(limits, 'kit')) }, async () => {
      handled++;
      return { ok: true };
    });
    expect((await app.inject({ method: 'POST', url: '/form' })).statusCode).toBe(200);
    await store.close();
    const down = await app.inject({ method: 'POST', url: '/form' });
    expect(down.statusCode).toBe(500);
    expect(handled).toBe(1);
    await app.close();
  });

  it('keeps the keys of two limits apart', async () => {
    const one = createRateLimiter(limits, 'one', { max: 1, now: () => 0 });
    const two = createRateLimiter(limits, 'two', { max: 1, now: () => 0 });
    expect((await one.hit('k')).allowed).toBe(true);
    expect((await two.hit('k')).allowed).toBe(true);
    expect((await one.hit('k')).allowed).toBe(false);
  });
});

describe.each(STORE_BACKENDS)('two sign-in guards on one $name database', (backend) => {
  let fresh: FreshStore | undefined;
  let other: DigestStore;
  let now = 0;
  const current = () => {
    if (!fresh) throw new Error('no store: one is opened per test');
    return fresh.store;
  };
  const guardOn = (store: DigestStore) =>
    createSignInGuard({ secret: 's', publicUrl: 'http://127.0.0.1', limits: store.limits, now: () => now });
  beforeEach(async (context) => {
    if (backend.skipReason) return context.skip(backend.skipReason);
    fresh = await backend.fresh();
    other = await fresh.another();
    now = Date.parse('2026-01-05T09:00:00Z');
  });
  afterEach(async () => {
    await other?.close();
    await fresh?.dispose();
    fresh = undefined;
  });

  it('lets a client IP try again once its minute has ended, through either guard', async () => {
    const [first, second] = [guardOn(current()), guardOn(other)];
    for (let i = 0; i < SIGN_IN_LIMITS.perClientPerMinute; i++)
      expect((await first.hit(tryFrom('192.0.2.7'), `u${i}@example.org`)).allowed).toBe(true);
    const refused = await second.hit(tryFrom('192.0.2.7'), 'u10@example.org');
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 60, knownDevice: false });
    now += 59_999;
    expect((await first.hit(tryFrom('192.0.2.7'), 'u11@example.org')).allowed).toBe(false);
    now += 1;
    expect((await second.hit(tryFrom('192.0.2.7'), 'u12@example.org')).allowed).toBe(true);
  });

  it('lets an address be tried again once its hour has ended, however the tries were spread', async () => {
    const [first, second] = [guardOn(current()), guardOn(other)];
    for (let i = 0; i < SIGN_IN_LIMITS.perAddressPerHour; i++)
      await (i % 2 ? first : second).hit(tryFrom(`192.0.2.${i + 20}`), 'olga@example.org');
    expect((await first.hit(tryFrom('192.0.2.99'), 'OLGA@example.org')).allowed).toBe(false);
    now += 3_600_000;
    expect((await second.hit(tryFrom('192.0.2.99'), 'olga@example.org')).allowed).toBe(true);
  });
});
