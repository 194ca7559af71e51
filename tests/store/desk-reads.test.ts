import { expect, it } from 'vitest';
import type { Edition } from '../../src/models/edition.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { eachStore } from '../helpers/store-backends.ts';

const edition = (id: string): Edition => ({
  id,
  date: '2022-01-06',
  composedAt: '2022-01-06T07:00:00.000Z',
  newsletterName: 'Daily',
  items: [],
});
const open = (store: DigestStore, id: string) =>
  store.openEdition({
    edition: edition(id),
    subject: `S ${id}`,
    slot: null,
    articleIds: [],
    messageIdDomain: 'example.org',
  });

eachStore('the desk reads of the $name store', (t) => {
  it('finds subscribers by a part of the address, taking % and _ literally', async () => {
    await t.store.addSubscribers([
      { email: 'ana_ruiz@example.org', name: null },
      { email: 'anaxruiz@example.org', name: null },
      { email: 'ben@other.example', name: null },
    ]);
    expect((await t.store.deskReads.searchSubscribers('ANA', 10)).map((s) => s.email)).toEqual([
      'ana_ruiz@example.org',
      'anaxruiz@example.org',
    ]);
    expect((await t.store.deskReads.searchSubscribers('a_r', 10)).map((s) => s.email)).toEqual([
      'ana_ruiz@example.org',
    ]);
    expect(await t.store.deskReads.searchSubscribers('%', 10)).toEqual([]);
    expect(await t.store.deskReads.searchSubscribers('example', 1)).toHaveLength(1);
  });

  it("lists a subscriber's deliveries, newest edition first, with the error and the send rate", async () => {
    const { subscriber } = await t.store.addSubscriber('ana@example.org', null);
    await open(t.store, 'e1');
    await open(t.store, 'e2');
    const [claimed] = await t.store.claimDeliveries('e1', 1, new Date());
    await t.store.markFailed('e1', claimed?.subscriberId ?? 0, 'SMTP 550 no such user');
    await t.store.claimDeliveries('e2', 1, new Date());
    await t.store.markSent('e2', subscriber.id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const deliveries = await t.store.deskReads.subscriberDeliveries(subscriber.id, 10);
    expect(deliveries.map((d) => [d.editionId, d.status, d.error])).toEqual([
      ['e2', 'sent', null],
      ['e1', 'failed', 'SMTP 550 no such user'],
    ]);
    expect(deliveries[0]?.subject).toBe('S e2');
    expect(await t.store.deskReads.sentSince('e2', new Date(Date.now() - 60_000))).toBe(1);
    expect(await t.store.deskReads.sentSince('e2', new Date(Date.now() + 60_000))).toBe(0);
  });
});
