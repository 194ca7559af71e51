import { expect, it } from 'vitest';
import { eachStore } from '../helpers/store-backends.ts';

const MINUTE = 60_000;
const policy = (now: number, max = 10) => ({ now, keepMs: 60 * MINUTE, leaseMs: MINUTE, max });

eachStore('store.runs on $name', (t) => {
  const add = (id: string, owner: string, now: number) =>
    t.store.runs.add({ id, dryRun: false, since: now, owner, now });

  it('keeps a run from building to its end, as every connection to the database sees it', async () => {
    await t.store.runs.add({ id: 'run-a', dryRun: true, since: 1_000, owner: 'web-a:1:x', now: 2_000 });
    const other = await t.fresh.another();
    try {
      expect(await other.runs.get('run-a')).toEqual({
        id: 'run-a',
        dryRun: true,
        since: 1_000,
        status: 'building',
        outcome: null,
        owner: 'web-a:1:x',
        updatedAt: 2_000,
      });
      await other.runs.end('run-a', 'settled', '{"status":"nothing-new","resumed":0}', 3_000);
    } finally {
      await other.close();
    }
    expect(await t.store.runs.get('run-a')).toMatchObject({
      status: 'settled',
      outcome: '{"status":"nothing-new","resumed":0}',
      updatedAt: 3_000,
    });
    expect(await t.store.runs.get('run-b')).toBeNull();
  });

  it("refreshes only the owner's runs that are still building", async () => {
    await add('mine', 'web-a:1:x', 0);
    await add('ended', 'web-a:1:x', 0);
    await add('theirs', 'web-b:2:y', 0);
    await t.store.runs.end('ended', 'failed', '{"error":"boom"}', 5);
    await t.store.runs.refresh('web-a:1:x', ['mine', 'ended', 'theirs'], 9_000);
    const updated = async (id: string) => (await t.store.runs.get(id))?.updatedAt;
    expect([await updated('mine'), await updated('ended'), await updated('theirs')]).toEqual([9_000, 5, 0]);
  });

  it("marks interrupted only the owner's building runs, and names their owners", async () => {
    await add('a1', 'web-a:1:x', 10);
    await add('a2', 'web-a:1:x', 20);
    await add('b1', 'web-b:2:y', 30);
    await t.store.runs.end('a2', 'settled', '{}', 25);
    expect(await t.store.runs.buildingOwners()).toEqual([
      { owner: 'web-b:2:y', lastSeenAt: 30 },
      { owner: 'web-a:1:x', lastSeenAt: 10 },
    ]);
    expect(await t.store.runs.interruptOwner('web-a:1:x', '{"error":"gone"}', 99)).toBe(1);
    expect((await t.store.runs.get('a1'))?.status).toBe('interrupted');
    expect((await t.store.runs.get('a2'))?.status).toBe('settled');
    expect((await t.store.runs.get('b1'))?.status).toBe('building');
  });

  it('prunes ended runs past the keep time and past the bound, never a building one still refreshed', async () => {
    const now = 200 * MINUTE;
    // Ended long ago, ended lately (oldest first), building and fresh, building and stale.
    await add('old', 'w:1:x', 0);
    await t.store.runs.end('old', 'settled', '{}', now - 61 * MINUTE);
    for (const [i, id] of ['e1', 'e2', 'e3'].entries()) {
      await add(id, 'w:1:x', 0);
      await t.store.runs.end(id, 'settled', '{}', now - (10 - i) * MINUTE);
    }
    await add('fresh', 'w:1:x', now - 61 * MINUTE);
    await t.store.runs.refresh('w:1:x', ['fresh'], now - 30_000);
    await add('stale', 'w:2:y', now - 5 * MINUTE);
    // Kept: the newest two ended ones, the stale building run counting as ended at its refresh.
    expect(await t.store.runs.prune(policy(now, 2))).toBe(3);
    const left = [];
    for (const id of ['old', 'e1', 'e2', 'e3', 'fresh', 'stale'])
      if (await t.store.runs.get(id)) left.push(id);
    expect(left).toEqual(['e3', 'fresh', 'stale']);
    // An hour after its last refresh, the stale one goes too; the refreshed one stays.
    await t.store.runs.refresh('w:1:x', ['fresh'], now + 60 * MINUTE);
    expect(await t.store.runs.prune(policy(now + 60 * MINUTE, 2))).toBe(2);
    expect((await t.store.runs.get('fresh'))?.status).toBe('building');
  });
});
