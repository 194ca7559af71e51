import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewBounceEvent } from '../../src/store/bounce-store.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { sendEmptyEdition } from '../bounces/sent-edition.ts';
import { type FreshStore, STORE_BACKENDS } from '../helpers/store-backends.ts';

const event = (over: Partial<NewBounceEvent>): NewBounceEvent => ({
  subscriberId: null,
  editionId: null,
  email: null,
  kind: 'soft',
  matchedBy: 'verp',
  code: '4.2.2',
  diagnostic: 'Mailbox full',
  source: 'mail',
  action: null,
  occurredAt: new Date('2024-01-04T10:00:00Z'),
  ...over,
});

describe.each(STORE_BACKENDS)('the $name store’s bounce events', (backend) => {
  it.runIf(backend.skipReason)(`is skipped: ${backend.skipReason}`, () => undefined);
  describe.skipIf(backend.skipReason !== null)('contract', () => {
    let fresh: FreshStore;
    let store: DigestStore;
    let ana: number;
    beforeEach(async () => {
      fresh = await backend.fresh();
      store = fresh.store;
      ana = (await store.addSubscriber('ana@example.org', null)).subscriber.id;
      await store.addSubscriber('ben@example.org', null);
    });
    afterEach(async () => {
      await fresh.dispose();
    });

    it('finds a delivery with its subscriber and Message-ID, and the newest edition sent', async () => {
      await sendEmptyEdition(store, 'e1');
      await sendEmptyEdition(store, 'e2');
      expect(await store.bounces.findDelivery('e2', ana)).toEqual({
        editionId: 'e2',
        subscriberId: ana,
        email: 'ana@example.org',
        subscriberStatus: 'active',
        messageId: `<e2.${ana}@news.example>`,
      });
      expect(await store.bounces.findDelivery('e3', ana)).toBeNull();
      expect(await store.bounces.latestSentEdition(ana)).toBe('e2');
      expect(await store.bounces.latestSentEdition(99_999)).toBeNull();
    });

    it('counts soft-bounced editions within the window, each edition once', async () => {
      for (const id of ['e1', 'e2', 'e3', 'e4', 'e5', 'e6']) await sendEmptyEdition(store, id);
      // e1 falls out of a window of 5 editions; e3 twice counts once.
      for (const id of ['e1', 'e3', 'e3', 'e5'])
        await store.bounces.record(event({ subscriberId: ana, editionId: id }));
      await store.bounces.record(event({ subscriberId: ana, editionId: 'e6', kind: 'hard' }));
      await store.bounces.record(event({ subscriberId: ana, editionId: 'e4', matchedBy: 'unmatched' }));
      expect(await store.bounces.softBouncedEditions(ana, 5)).toBe(2);
      expect(await store.bounces.softBouncedEditions(ana, 6)).toBe(3);
      expect(await store.bounces.softBouncedEditions(ana, 1)).toBe(0);
    });

    it('counts events per edition by kind, and the unmatched and forged ones overall', async () => {
      await sendEmptyEdition(store, 'e1');
      await store.bounces.record(event({ subscriberId: ana, editionId: 'e1', kind: 'hard' }));
      await store.bounces.record(event({ subscriberId: ana, editionId: 'e1', kind: 'complaint' }));
      await store.bounces.record(event({ subscriberId: ana, editionId: 'e1', kind: 'auto-reply' }));
      await store.bounces.record(event({ kind: 'hard', matchedBy: 'unmatched', email: 'x@example.org' }));
      await store.bounces.record(event({ kind: 'hard', matchedBy: 'forged' }));
      await store.bounces.record(event({ kind: 'unparseable', matchedBy: 'none' }));
      expect(await store.bounces.counts('e1')).toEqual({
        hard: 1,
        soft: 0,
        complaint: 1,
        notice: 0,
        autoReply: 1,
        unparseable: 0,
        unmatched: 0,
        forged: 0,
      });
      expect(await store.bounces.counts()).toMatchObject({
        hard: 1,
        unmatched: 1,
        forged: 1,
        unparseable: 1,
      });
    });

    it('gives, per subscriber, the newest event that acted as the reason', async () => {
      await sendEmptyEdition(store, 'e1');
      const first = await store.bounces.record(event({ subscriberId: ana, editionId: 'e1' }));
      await store.bounces.setAction(first.id, 'bounced');
      const second = await store.bounces.record(
        event({ subscriberId: ana, editionId: 'e1', kind: 'complaint' }),
      );
      const acted = await store.bounces.setAction(second.id, 'unsubscribed');
      await store.bounces.record(event({ subscriberId: ana, editionId: 'e1', kind: 'notice' }));
      const reasons = await store.bounces.reasons([ana, 12_345]);
      expect([...reasons.keys()]).toEqual([ana]);
      expect(reasons.get(ana)).toEqual(acted);
      expect(acted).toMatchObject({
        kind: 'complaint',
        action: 'unsubscribed',
        occurredAt: '2024-01-04T10:00:00.000Z',
      });
      expect(await store.bounces.reasons([])).toEqual(new Map());
    });
  });
});
