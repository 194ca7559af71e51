import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DigestStore } from '../../src/store/store.ts';
import { emptyEditionInput } from '../helpers/edition-input.ts';
import { type FreshStore, STORE_BACKENDS } from '../helpers/store-backends.ts';

describe.each(STORE_BACKENDS)('sign-ups waiting for confirmation on $name', (backend) => {
  let fresh: FreshStore | undefined;
  let store: DigestStore;
  beforeEach(async (context) => {
    if (backend.skipReason) return context.skip(backend.skipReason);
    fresh = await backend.fresh();
    store = fresh.store;
  });
  afterEach(async () => {
    await fresh?.dispose();
    fresh = undefined;
  });

  const signUp = async (email: string) => {
    await store.addSubscribers([{ email, name: null, status: 'unconfirmed' }], {
      source: 'form',
      ip: '192.0.2.1',
    });
    const subscriber = await store.findSubscriber(email);
    if (!subscriber) throw new Error('not stored');
    return subscriber;
  };

  it('stores a sign-up as unconfirmed, recorded as signed-up with its source and IP', async () => {
    const subscriber = await signUp('Ana@Example.org');
    expect(subscriber).toMatchObject({ email: 'ana@example.org', status: 'unconfirmed' });
    expect(await store.history.list(subscriber.id)).toMatchObject([
      { kind: 'signed-up', fromStatus: null, toStatus: 'unconfirmed', source: 'form', ip: '192.0.2.1' },
    ]);
    expect(await store.countSubscribers('unconfirmed')).toBe(1);
    expect(await store.countSubscribers('active')).toBe(0);
  });

  it('records a confirmation as confirmed, from unconfirmed to active', async () => {
    await signUp('ben@example.org');
    const change = await store.setSubscriberStatus('ben@example.org', 'active', {
      source: 'form',
      ip: '198.51.100.2',
    });
    expect(change).toMatchObject({ from: 'unconfirmed', changed: true });
    const events = await store.history.list(change?.subscriber.id ?? 0);
    expect(events.at(-1)).toMatchObject({ kind: 'confirmed', toStatus: 'active', ip: '198.51.100.2' });
  });

  it('knows when the last confirmation mail went out', async () => {
    const subscriber = await signUp('cid@example.org');
    expect(await store.signups.lastConfirmationSent(subscriber.id)).toBeNull();
    for (const at of ['2026-03-02T10:00:00.000Z', '2026-03-02T11:30:00.000Z'])
      await store.history.record({
        subscriberId: subscriber.id,
        kind: 'confirmation-sent',
        source: 'form',
        at,
      });
    expect(await store.signups.lastConfirmationSent(subscriber.id)).toBe('2026-03-02T11:30:00.000Z');
  });

  it('purges only unconfirmed rows older than the cut-off, with their history', async () => {
    const old = await signUp('old@example.org');
    await store.addSubscriber('active@example.org', null);
    await store.addSubscriber('gone@example.org', null);
    await store.setSubscriberStatus('gone@example.org', 'unsubscribed', { source: 'link' });
    expect(await store.signups.purgeUnconfirmed(new Date(Date.now() - 60_000))).toBe(0);
    expect(await store.signups.purgeUnconfirmed(new Date(Date.now() + 60_000))).toBe(1);
    expect(await store.findSubscriber('old@example.org')).toBeNull();
    expect(await store.history.list(old.id)).toEqual([]);
    expect((await store.findSubscriber('active@example.org'))?.status).toBe('active');
    expect((await store.findSubscriber('gone@example.org'))?.status).toBe('unsubscribed');
  });

  it('never queues an unconfirmed subscriber for an edition', async () => {
    await signUp('pending@example.org');
    await store.addSubscriber('reader@example.org', null);
    const opened = await store.openEdition(emptyEditionInput('e1'));
    expect(opened).toEqual({ created: true, queued: 1 });
  });
});
