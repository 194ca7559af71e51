import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isDeadLocalHolder, makeHolderName, RUN_LEASE, withLease } from '../../src/schedule/lease.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { type FreshStore, STORE_BACKENDS } from '../helpers/store-backends.ts';
import { captureLogger } from './context.ts';

describe.each(STORE_BACKENDS)('the run lease on $name', (backend) => {
  let fresh: FreshStore | undefined;
  let a: DigestStore;
  let b: DigestStore;

  beforeEach(async (context) => {
    if (backend.skipReason) return context.skip(backend.skipReason);
    // Two connections to one database: what two worker processes see.
    fresh = await backend.fresh();
    a = fresh.store;
    b = await fresh.another();
  });
  afterEach(async () => {
    if (!fresh) return;
    await b.close();
    await fresh.dispose();
    fresh = undefined;
  });

  it('is held by one holder at a time until released', async () => {
    expect(await a.acquireLease(RUN_LEASE, 'worker-a', 60_000)).toBe(true);
    expect(await b.acquireLease(RUN_LEASE, 'worker-b', 60_000)).toBe(false);
    expect(await b.leaseHolder(RUN_LEASE)).toBe('worker-a');
    expect(await a.acquireLease(RUN_LEASE, 'worker-a', 60_000)).toBe(true);
    await b.releaseLease(RUN_LEASE, 'worker-b');
    expect(await b.leaseHolder(RUN_LEASE)).toBe('worker-a');
    await a.releaseLease(RUN_LEASE, 'worker-a');
    expect(await b.acquireLease(RUN_LEASE, 'worker-b', 60_000)).toBe(true);
  });

  it('passes to another holder once it expires (a crashed holder does not block for ever)', async () => {
    expect(await a.acquireLease(RUN_LEASE, 'crashed', 5)).toBe(true);
    await sleep(20);
    expect(await b.leaseHolder(RUN_LEASE)).toBeNull();
    expect(await b.acquireLease(RUN_LEASE, 'worker-b', 60_000)).toBe(true);
  });

  it('is taken over at once from a process of this host that was killed (kill -9 leaves it behind)', async () => {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const dead = `${hostname()}:${child.stdout.toString()}:deadbeef`;
    expect(await a.acquireLease(RUN_LEASE, dead, 60_000)).toBe(true);
    const { logger, text } = captureLogger();
    const outcome = await withLease(b, makeHolderName(), logger, async () => 'resumed');
    expect(outcome).toEqual({ acquired: true, value: 'resumed' });
    expect(text()).toContain('no longer runs');
  });

  it('is never taken from a live process or from another host', () => {
    expect(isDeadLocalHolder(`${hostname()}:${process.ppid}:x`)).toBe(false);
    expect(isDeadLocalHolder('another-host:999999:x')).toBe(false);
    expect(isDeadLocalHolder('worker-a')).toBe(false);
  });

  it('runs work while holding it, refuses a second holder meanwhile, and releases it after', async () => {
    const { logger } = captureLogger();
    let inner: unknown;
    const outer = await withLease(a, 'worker-a', logger, async () => {
      inner = await withLease(b, 'worker-b', logger, async () => 'never');
      return 'done';
    });
    expect(outer).toEqual({ acquired: true, value: 'done' });
    expect(inner).toEqual({ acquired: false, holder: 'worker-a' });
    expect(await b.leaseHolder(RUN_LEASE)).toBeNull();
  });

  it('aborts the work when the lease is lost to another holder', async () => {
    const { logger, lines } = captureLogger();
    const outcome = await withLease(
      a,
      'worker-a',
      logger,
      async (signal) => {
        // Simulates a stall past the lease: another worker takes it over.
        await a.releaseLease(RUN_LEASE, 'worker-a');
        await b.acquireLease(RUN_LEASE, 'worker-b', 60_000);
        await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
        return signal.aborted;
      },
      { ttlMs: 60_000, renewMs: 10 },
    );
    expect(outcome).toEqual({ acquired: true, value: true });
    expect(lines.some((l) => String(l.msg).includes('lost the run lease'))).toBe(true);
    expect(await b.leaseHolder(RUN_LEASE)).toBe('worker-b');
  });
});
