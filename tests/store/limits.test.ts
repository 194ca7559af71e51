import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PURGE_EVERY_MS } from '../../src/store/limits.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { startProcess } from '../helpers/child.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { LIMIT_BACKENDS, type SharedDatabase } from './limit-db.ts';

const CHILD = new URL('./limit-hits-child.ts', import.meta.url).pathname;
const MINUTE = 60_000;

describe.each(LIMIT_BACKENDS)('rate-limit windows in the database on $name', (backend) => {
  let db: SharedDatabase | undefined;
  let store: DigestStore;
  beforeEach(async (context) => {
    if (backend.skipReason) return context.skip(backend.skipReason);
    db = await backend.shared();
    store = await db.open();
  });
  afterEach(async () => {
    await db?.dispose();
    db = undefined;
  });
  const shared = () => {
    if (!db) throw new Error('no database: one is opened per test');
    return db;
  };
  const window = (now: number, max = 3) => ({ max, windowMs: MINUTE, now });
  const allowedOf = async (s: DigestStore, key: string, now: number, times: number) => {
    const out: boolean[] = [];
    for (let i = 0; i < times; i++) out.push((await s.limits.hit(key, window(now))).allowed);
    return out;
  };

  it('allows max hits in a window, then refuses with the seconds until it ends', async () => {
    expect(await allowedOf(store, 'ip:192.0.2.1', 1_000_000, 3)).toEqual([true, true, true]);
    expect(await store.limits.hit('ip:192.0.2.1', window(1_000_000 + 15_500))).toEqual({
      allowed: false,
      retryAfterSeconds: 45,
      resetAt: 1_000_000 + MINUTE,
    });
    // Another key has a window of its own.
    expect((await store.limits.hit('ip:192.0.2.2', window(1_000_000))).allowed).toBe(true);
  });

  it('starts a new window once the old one ended, counting from one again', async () => {
    await allowedOf(store, 'k', 0, 4);
    expect((await store.limits.hit('k', window(MINUTE - 1))).allowed).toBe(false);
    expect(await allowedOf(store, 'k', MINUTE, 4)).toEqual([true, true, true, false]);
    const [row] = await shared().rows();
    expect(row).toMatchObject({ hits: 4, reset_at: 2 * MINUTE });
  });

  it('shares one count between two processes on the database, and keeps it across a restart', async () => {
    const other = await shared().open();
    expect(await allowedOf(store, 'address:ana@example.org', 0, 2)).toEqual([true, true]);
    expect(await allowedOf(other, 'address:ana@example.org', 1, 2)).toEqual([true, false]);
    await store.close();
    await other.close();
    // A restart: a new store on the same database still refuses.
    const restarted = await shared().open();
    expect(await restarted.limits.hit('address:ana@example.org', window(2))).toMatchObject({
      allowed: false,
    });
  });

  it('stores a 10 KB key as its 43-character hash, counting it as the same key each time', async () => {
    const huge = `sign-in:address\0${'a'.repeat(10_000)}@example.org`;
    await allowedOf(store, huge, 0, 4);
    const rows = await shared().rows();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.key).toMatch(/^[\w-]{43}$/);
    expect(rows[0]?.hits).toBe(4);
    expect(JSON.stringify(rows)).not.toContain('aaaa');
  });

  it('deletes the windows that ended, on a hit at least PURGE_EVERY_MS after the last sweep', async () => {
    await store.limits.hit('old', window(0));
    await store.limits.hit('older', { max: 1, windowMs: 1000, now: 0 });
    expect((await shared().rows()).length).toBe(2);
    // Within the interval of the first hit's sweep: the ended window stays.
    await store.limits.hit('fresh', window(PURGE_EVERY_MS - 1));
    expect((await shared().rows()).length).toBe(3);
    await store.limits.hit('fresh', window(PURGE_EVERY_MS));
    const left = await shared().rows();
    expect(left).toHaveLength(1);
    expect(left[0]?.hits).toBe(2);
    expect(await store.limits.purgeExpired(PURGE_EVERY_MS + MINUTE)).toBe(1);
    expect(await shared().rows()).toEqual([]);
  });

  it('refuses a limit with no room (max 0) or no window as a caller error', async () => {
    await expect(store.limits.hit('k', { max: 0, windowMs: MINUTE, now: 0 })).rejects.toThrow(
      /max and windowMs/,
    );
    await expect(store.limits.hit('k', { max: 1, windowMs: 0, now: 0 })).rejects.toThrow(/max and windowMs/);
    await expect(store.limits.hit('k', { max: 1, windowMs: 1, now: Number.NaN })).rejects.toThrow(/clock/);
    expect(await shared().rows()).toEqual([]);
  });

  it('never lets more than max through when hits from two stores race', async () => {
    const other = await shared().open();
    const both = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? store : other).limits.hit('race', { max: 15, windowMs: MINUTE, now: 0 }),
      ),
    );
    expect(both.filter((d) => d.allowed)).toHaveLength(15);
    expect((await shared().rows())[0]?.hits).toBe(40);
  });

  it.runIf(backend.name === 'SQLite')(
    'never lets more than max through when three processes hit one SQLite file at once',
    async () => {
      const path = shared().where.sqlitePath ?? '';
      const temp = makeTempDir('digest-go-');
      const go = join(temp.dir, 'go');
      const children = [0, 1, 2].map(() =>
        startProcess(process.execPath, ['--import', 'tsx', CHILD, path, go, '30', '40'], {}),
      );
      await Promise.all(children.map((c) => c.waitFor(/ready/)));
      writeFileSync(go, '');
      const outs = await Promise.all(children.map((c) => c.exited));
      temp.remove();
      const allowed = outs.map((o) => Number(/allowed (\d+)/.exec(o.out)?.[1] ?? Number.NaN));
      expect(outs.map((o) => o.code)).toEqual([0, 0, 0]);
      expect(allowed.reduce((a, b) => a + b, 0)).toBe(40);
      expect((await shared().rows())[0]?.hits).toBe(90);
    },
  );
});
