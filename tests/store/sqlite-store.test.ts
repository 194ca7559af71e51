import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/models/edition.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const edition = (id: string): Edition => ({
  id,
  date: '2022-01-06',
  composedAt: '2022-01-06T07:00:00.000Z',
  newsletterName: 'Daily',
  items: [],
});

const open = (id: string, slot: string | null = null, articleIds: string[] = []) => ({
  edition: edition(id),
  subject: 'S',
  slot,
  articleIds,
  messageIdDomain: 'example.org',
});

describe('the SQLite store', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: DigestStore;
  beforeEach(() => {
    temp = makeTempDir();
    store = openSqliteStore(join(temp.dir, 'nested', 'digest.db'));
  });
  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  it('keeps one subscriber per address whatever its case', async () => {
    expect((await store.addSubscriber('Ana@Example.org', 'Ana')).created).toBe(true);
    expect((await store.addSubscriber('ana@example.ORG', null)).created).toBe(false);
    expect(await store.addSubscribers([{ email: 'ANA@example.org', name: null }])).toBe(0);
    expect(await store.countSubscribers()).toBe(1);
  });

  it('opens an edition with one delivery per active subscriber and its articles seen, all at once', async () => {
    await store.addSubscribers([
      { email: 'a@example.org', name: null },
      { email: 'b@example.org', name: null },
      { email: 'c@example.org', name: null, status: 'unsubscribed' },
    ]);
    expect(await store.openEdition(open('e1', 'slot-1', ['x']))).toEqual({ created: true, queued: 2 });
    expect(await store.filterUnseenArticles(['x', 'y'])).toEqual(['y']);
    expect((await store.editionProgress('e1')).total).toBe(2);
  });

  it('refuses a second edition for the same slot and changes nothing', async () => {
    await store.addSubscriber('a@example.org', null);
    expect((await store.openEdition(open('e1', 'slot-1'))).created).toBe(true);
    expect(await store.openEdition(open('e2', 'slot-1', ['z']))).toEqual({ created: false, queued: 0 });
    expect(await store.getEdition('e2')).toBeNull();
    expect(await store.filterUnseenArticles(['z'])).toEqual(['z']);
  });

  it('hands out each claimed delivery once, with a stable Message-ID, and requeues what was sending after a crash', async () => {
    await store.addSubscriber('a@example.org', null);
    await store.openEdition(open('e1'));
    const first = await store.claimDeliveries('e1', 10, new Date());
    expect(first.map((d) => [d.messageId, d.attempts])).toEqual([['<e1.1@example.org>', 1]]);
    expect(await store.claimDeliveries('e1', 10, new Date())).toEqual([]);
    expect(await store.requeueSending('e1')).toBe(1);
    const again = await store.claimDeliveries('e1', 10, new Date());
    expect(again.map((d) => [d.messageId, d.attempts])).toEqual([['<e1.1@example.org>', 2]]);
  });

  it('gives a released delivery back to the queue without using up an attempt', async () => {
    await store.addSubscriber('a@example.org', null);
    await store.openEdition(open('e1'));
    const [claimed] = await store.claimDeliveries('e1', 10, new Date());
    await store.releaseDeliveries('e1', [claimed?.subscriberId ?? 0]);
    expect((await store.claimDeliveries('e1', 10, new Date()))[0]?.attempts).toBe(1);
  });

  it('skips a delivery whose subscriber left after the edition was enqueued', async () => {
    await store.addSubscriber('a@example.org', null);
    await store.addSubscriber('b@example.org', null);
    await store.openEdition(open('e1'));
    await store.setSubscriberStatus('b@example.org', 'unsubscribed');
    const claimed = await store.claimDeliveries('e1', 10, new Date());
    expect(claimed.map((d) => d.email)).toEqual(['a@example.org']);
    expect(await store.editionProgress('e1')).toMatchObject({ sending: 1, skipped: 1, queued: 0 });
    expect(await store.nextDueAt('e1')).toBeNull();
  });

  it('holds back a retried delivery until it is due', async () => {
    await store.addSubscriber('a@example.org', null);
    await store.openEdition(open('e1'));
    const [d] = await store.claimDeliveries('e1', 10, new Date());
    const due = new Date(Date.now() + 60_000);
    await store.markRetry('e1', d?.subscriberId ?? 0, '421 try later', due);
    expect(await store.claimDeliveries('e1', 10, new Date())).toEqual([]);
    expect((await store.nextDueAt('e1'))?.getTime()).toBe(due.getTime());
    expect(await store.claimDeliveries('e1', 10, new Date(due.getTime() + 1))).toHaveLength(1);
  });

  it('lists paused editions only when asked to', async () => {
    await store.openEdition(open('e1'));
    await store.openEdition(open('e2'));
    await store.setEditionStatus('e2', 'paused');
    expect((await store.unfinishedEditions()).map((e) => e.id)).toEqual(['e1']);
    expect((await store.unfinishedEditions({ includePaused: true })).map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('streams a long list page by page while the store is written to', async () => {
    const batch = Array.from({ length: 1203 }, (_, i) => ({ email: `r${i}@example.org`, name: null }));
    expect(await store.addSubscribers(batch)).toBe(1203);
    let seen = 0;
    for await (const s of store.listSubscribers('active')) {
      seen++;
      if (seen % 400 === 0) await store.setSubscriberStatus(s.email, 'bounced');
    }
    expect(seen).toBe(1203);
    expect(await store.countSubscribers('bounced')).toBe(3);
  });

  it('survives reopening: schema migrations run once and data stays', async () => {
    await store.addSubscriber('a@example.org', null);
    await store.close();
    store = openSqliteStore(join(temp.dir, 'nested', 'digest.db'));
    expect(await store.countSubscribers('active')).toBe(1);
  });

  it('migrates a database of the first schema and keeps its deliveries', async () => {
    await store.close();
    const path = join(temp.dir, 'old.db');
    const db = new Database(path);
    db.exec(MIGRATIONS[0] ?? '');
    db.pragma('user_version = 1');
    db.exec(`INSERT INTO subscribers VALUES (1, 'a@example.org', NULL, 'active', 't', 't');
      INSERT INTO editions VALUES ('e1', NULL, 'sending', 'S', '{}', 't', NULL);
      INSERT INTO deliveries VALUES ('e1', 1, 'sent', 1, '<e1.1@example.org>', NULL, 0, 't');`);
    db.close();
    store = openSqliteStore(path);
    expect(await store.editionProgress('e1')).toMatchObject({ sent: 1, total: 1 });
  });

  it('stops with a clear error when the database file cannot be opened', () => {
    expect(() => openSqliteStore(join(temp.dir))).toThrow(/cannot open the database/);
  });
});
