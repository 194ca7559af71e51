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

const open = (id: string, slot: string | null = null, articleIds: string[] = []) => ({
  edition: edition(id),
  subject: 'S',
  slot,
  articleIds,
  messageIdDomain: 'example.org',
});

// The same suite for every backend: the rest of the product cannot tell them apart.
describe.each(STORE_BACKENDS)('the $name store', (backend) => {
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

    it('records sends finished together, of two editions, each settled once written', async () => {
      for (const e of ['a', 'b', 'c']) await store.addSubscriber(`${e}@example.org`, null);
      await store.openEdition(open('e1'));
      await store.openEdition(open('e2'));
      const claimed = [
        ...(await store.claimDeliveries('e1', 10, new Date())),
        ...(await store.claimDeliveries('e2', 2, new Date())),
      ];
      await Promise.all(claimed.map((d) => store.markSent(d.editionId, d.subscriberId)));
      expect(await store.editionProgress('e1')).toMatchObject({ sent: 3, sending: 0 });
      expect(await store.editionProgress('e2')).toMatchObject({ sent: 2, queued: 1, sending: 0 });
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
      await store.setSubscriberStatus('b@example.org', 'unsubscribed', { source: 'cli' });
      const claimed = await store.claimDeliveries('e1', 10, new Date());
      expect(claimed.map((d) => d.email)).toEqual(['a@example.org']);
      expect(await store.editionProgress('e1')).toMatchObject({ sending: 1, skipped: 1, queued: 0 });
      expect(await store.nextDueAt('e1')).toBeNull();
    });

    it('tells which claimed subscribers left since the claim, and skips only a claimed delivery', async () => {
      const { subscriber: a } = await store.addSubscriber('a@example.org', null);
      const { subscriber: b } = await store.addSubscriber('b@example.org', null);
      await store.openEdition(open('e1'));
      const claimed = await store.claimDeliveries('e1', 10, new Date());
      expect(claimed).toHaveLength(2);
      expect(await store.leftSubscribers([a.id, b.id])).toEqual([]);
      await store.setSubscriberStatus('b@example.org', 'unsubscribed', { source: 'cli' });
      expect(await store.leftSubscribers([a.id, b.id])).toEqual([b.id]);
      expect(await store.leftSubscribers([])).toEqual([]);
      await store.markSkipped('e1', b.id);
      await store.markSent('e1', a.id);
      // A delivery already sent is never turned into a skipped one.
      await store.markSkipped('e1', a.id);
      expect(await store.editionProgress('e1')).toMatchObject({ sent: 1, skipped: 1, sending: 0 });
    });

    it('skips the queued deliveries to given addresses, in any of their forms, and no others', async () => {
      await store.addSubscriber('reader@example.com', null);
      await store.addSubscriber('a@example.org', null);
      await store.openEdition(open('e1'));
      expect(await store.skipDemoDeliveries('e1', ['Reader@EXAMPLE.com'])).toBe(1);
      const claimed = await store.claimDeliveries('e1', 10, new Date());
      expect(claimed.map((d) => d.email)).toEqual(['a@example.org']);
      expect(await store.editionProgress('e1')).toMatchObject({ skipped: 1, sending: 1 });
      expect(await store.skipDemoDeliveries('e1', ['a@example.org'])).toBe(0);
    });

    it('skips whoever the dev-inbox demo added, until their own consent makes them active again', async () => {
      await store.addSubscriber('reader@example.com', 'Demo Reader', { source: 'demo' });
      await store.addSubscriber('old-demo@example.com', null, { source: 'demo' });
      await store.addSubscriber('a@example.org', null);
      // Left, then came back by their own confirmed request: no longer the demo's row.
      await store.setSubscriberStatus('old-demo@example.com', 'unsubscribed', { source: 'link' });
      await store.setSubscriberStatus('old-demo@example.com', 'active', { source: 'form' });
      await store.openEdition(open('e1'));
      expect(await store.skipDemoDeliveries('e1', ['ops@news.example'])).toBe(1);
      const claimed = await store.claimDeliveries('e1', 10, new Date());
      expect(claimed.map((d) => d.email).sort()).toEqual(['a@example.org', 'old-demo@example.com']);
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
      expect((await store.unfinishedEditions({ includePaused: true })).map((e) => e.id)).toEqual([
        'e1',
        'e2',
      ]);
    });

    it('streams a long list page by page while the store is written to', async () => {
      const batch = Array.from({ length: 1203 }, (_, i) => ({ email: `r${i}@example.org`, name: null }));
      expect(await store.addSubscribers(batch)).toBe(1203);
      let seen = 0;
      for await (const s of store.listSubscribers('active')) {
        seen++;
        if (seen % 400 === 0) await store.setSubscriberStatus(s.email, 'bounced', { source: 'bounce' });
      }
      expect(seen).toBe(1203);
      expect(await store.countSubscribers('bounced')).toBe(3);
    });

    it('hands each delivery to one of several connections claiming at once', async () => {
      await store.addSubscribers(
        Array.from({ length: 300 }, (_, i) => ({ email: `c${i}@example.org`, name: null })),
      );
      await store.openEdition(open('e1'));
      const others = await Promise.all([fresh.another(), fresh.another(), fresh.another()]);
      const drain = async (s: DigestStore) => {
        const ids: number[] = [];
        for (;;) {
          const batch = await s.claimDeliveries('e1', 7, new Date());
          if (batch.length === 0) return ids;
          ids.push(...batch.map((d) => d.subscriberId));
        }
      };
      const claimed = (await Promise.all([store, ...others].map(drain))).flat();
      for (const o of others) await o.close();
      expect(claimed).toHaveLength(300);
      expect(new Set(claimed).size).toBe(300);
    });

    it('gives a slot one edition when several workers open it at once', async () => {
      await store.addSubscriber('a@example.org', null);
      const others = await Promise.all([fresh.another(), fresh.another()]);
      const results = await Promise.all(
        [store, ...others].map((s, i) => s.openEdition(open(`e${i}`, 'slot-1', [`article-${i}`]))),
      );
      for (const o of others) await o.close();
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect((await store.listEditions(10)).length).toBe(1);
      expect((await store.editionProgress((await store.listEditions(1))[0]?.id ?? '')).total).toBe(1);
    });

    it("claims a queue job's batch, again after its sender died, and never what was sent", async () => {
      await store.addSubscriber('a@example.org', 'Ana');
      await store.addSubscriber('b@example.org', null);
      await store.openEdition(open('e1'));
      const first = await store.claimDeliveryBatch('e1', [1, 2, 99], new Date());
      expect(first.claimed).toMatchObject([
        { email: 'a@example.org', name: 'Ana', messageId: '<e1.1@example.org>', attempts: 1 },
        { email: 'b@example.org', attempts: 1 },
      ]);
      expect(first.nextDueAt).toBeNull();
      // Left "sending" by a sender that died: the redelivered job takes them over.
      await store.markSent('e1', 1);
      const again = await store.claimDeliveryBatch('e1', [1, 2], new Date());
      expect(again.claimed.map((d) => [d.subscriberId, d.attempts])).toEqual([[2, 2]]);
      await store.markSent('e1', 2);
      expect((await store.claimDeliveryBatch('e1', [1, 2], new Date())).claimed).toEqual([]);
    });

    it("leaves a batch's deliveries that are not due yet queued, and says when they are due", async () => {
      await store.addSubscriber('a@example.org', null);
      await store.addSubscriber('b@example.org', null);
      await store.openEdition(open('e1'));
      const now = new Date();
      await store.claimDeliveryBatch('e1', [1], now);
      const due = new Date(now.getTime() + 60_000);
      await store.markRetry('e1', 1, '451 busy', due);
      const batch = await store.claimDeliveryBatch('e1', [1, 2], now);
      expect(batch.claimed.map((d) => d.subscriberId)).toEqual([2]);
      expect(batch.nextDueAt?.getTime()).toBe(due.getTime());
      const later = await store.claimDeliveryBatch('e1', [1, 2], new Date(due.getTime() + 1));
      expect(later.claimed.map((d) => [d.subscriberId, d.attempts])).toEqual([
        [1, 2],
        [2, 2],
      ]);
    });

    it('skips the deliveries of a queue job whose subscriber left', async () => {
      await store.addSubscriber('a@example.org', null);
      await store.openEdition(open('e1'));
      await store.setSubscriberStatus('A@example.org', 'unsubscribed', { source: 'link' });
      expect((await store.claimDeliveryBatch('e1', [1], new Date())).claimed).toEqual([]);
      expect(await store.editionProgress('e1')).toMatchObject({ skipped: 1, queued: 0 });
    });

    it('streams the deliveries still to send, with their due times, page by page', async () => {
      await store.addSubscribers(
        Array.from({ length: 2100 }, (_, i) => ({ email: `p${i}@example.org`, name: null })),
      );
      await store.openEdition(open('e1'));
      const [d] = await store.claimDeliveries('e1', 1, new Date());
      await store.markSent('e1', d?.subscriberId ?? 0);
      const due = new Date(Date.now() + 60_000);
      await store.markRetry('e1', 2, '451 later', due);
      const pending = [];
      for await (const p of store.pendingDeliveries('e1')) pending.push(p);
      expect(pending).toHaveLength(2099);
      expect(pending[0]).toEqual({ subscriberId: 2, dueAt: due });
      expect(new Set(pending.map((p) => p.subscriberId)).size).toBe(2099);
    });

    it('survives reopening: schema migrations run once and data stays', async () => {
      await store.addSubscriber('a@example.org', null);
      const again = await fresh.another();
      expect(await again.countSubscribers('active')).toBe(1);
      await again.close();
    });
  });
});
