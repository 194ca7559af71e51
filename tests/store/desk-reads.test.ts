import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/models/edition.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { type FreshStore, STORE_BACKENDS } from '../helpers/store-backends.ts';

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

describe.each(STORE_BACKENDS)('the desk reads of the $name store', (backend) => {
  it.runIf(backend.skipReason)(`is skipped: ${backend.skipReason}`, () => undefined);
  describe.skipIf(backend.skipReason !== null)('contract', () => {
    let fresh: FreshStore;
    let store: DigestStore;
    beforeEach(async () => {
      fresh = await backend.fresh();
      store = fresh.store;
    });
    afterEach(async () => {
      await fresh.dispose();
    });

    it('finds subscribers by a part of the address, taking % and _ literally', async () => {
      await store.addSubscribers([
        { email: 'ana_ruiz@example.org', name: null },
        { email: 'anaxruiz@example.org', name: null },
        { email: 'ben@other.example', name: null },
      ]);
      expect((await store.deskReads.searchSubscribers('ANA', 10)).map((s) => s.email)).toEqual([
        'ana_ruiz@example.org',
        'anaxruiz@example.org',
      ]);
      expect((await store.deskReads.searchSubscribers('a_r', 10)).map((s) => s.email)).toEqual([
        'ana_ruiz@example.org',
      ]);
      expect(await store.deskReads.searchSubscribers('%', 10)).toEqual([]);
      expect(await store.deskReads.searchSubscribers('example', 1)).toHaveLength(1);
    });

    it("lists a subscriber's deliveries, newest edition first, with the error and the send rate", async () => {
      const { subscriber } = await store.addSubscriber('ana@example.org', null);
      await open(store, 'e1');
      await open(store, 'e2');
      const [claimed] = await store.claimDeliveries('e1', 1, new Date());
      await store.markFailed('e1', claimed?.subscriberId ?? 0, 'SMTP 550 no such user');
      await store.claimDeliveries('e2', 1, new Date());
      await store.markSent('e2', subscriber.id);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const deliveries = await store.deskReads.subscriberDeliveries(subscriber.id, 10);
      expect(deliveries.map((d) => [d.editionId, d.status, d.error])).toEqual([
        ['e2', 'sent', null],
        ['e1', 'failed', 'SMTP 550 no such user'],
      ]);
      expect(deliveries[0]?.subject).toBe('S e2');
      expect(await store.deskReads.sentSince('e2', new Date(Date.now() - 60_000))).toBe(1);
      expect(await store.deskReads.sentSince('e2', new Date(Date.now() + 60_000))).toBe(0);
    });
  });
});
