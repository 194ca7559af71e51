import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/models/edition.ts';
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
    expect(await store.countSubscribers()).toBe(1);
  });

  it('enqueues one delivery per active subscriber, exactly once', async () => {
    await store.addSubscriber('a@example.org', null);
    await store.addSubscriber('b@example.org', null);
    await store.addSubscriber('c@example.org', null);
    await store.setSubscriberStatus('c@example.org', 'unsubscribed');
    expect(await store.createEdition(edition('e1'), 'S', 'slot-1')).toBe(true);
    expect(await store.enqueueDeliveries('e1', 'example.org')).toBe(2);
    expect(await store.enqueueDeliveries('e1', 'example.org')).toBe(0);
    expect((await store.editionProgress('e1')).total).toBe(2);
  });

  it('refuses a second edition for the same slot', async () => {
    expect(await store.createEdition(edition('e1'), 'S', 'slot-1')).toBe(true);
    expect(await store.createEdition(edition('e2'), 'S', 'slot-1')).toBe(false);
  });

  it('hands out each claimed delivery once and requeues what was sending after a crash', async () => {
    await store.addSubscriber('a@example.org', null);
    await store.createEdition(edition('e1'), 'S', null);
    await store.enqueueDeliveries('e1', 'example.org');
    const first = await store.claimDeliveries('e1', 10, new Date());
    expect(first.map((d) => d.messageId)).toEqual(['<e1.1@example.org>']);
    expect(await store.claimDeliveries('e1', 10, new Date())).toEqual([]);
    expect(await store.requeueSending('e1')).toBe(1);
    expect(await store.claimDeliveries('e1', 10, new Date())).toHaveLength(1);
  });

  it('survives reopening: schema migrations run once and data stays', async () => {
    await store.addSubscriber('a@example.org', null);
    await store.close();
    store = openSqliteStore(join(temp.dir, 'nested', 'digest.db'));
    expect(await store.countSubscribers('active')).toBe(1);
  });

  it('remembers seen articles', async () => {
    await store.markArticlesSeen(['x', 'y'], 'e1');
    expect(await store.filterUnseenArticles(['x', 'z'])).toEqual(['z']);
  });
});
