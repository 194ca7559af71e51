import { describe, expect, it } from 'vitest';
import type { DigestStore } from '../../src/store/store.ts';
import { freshStoreEach, STORE_BACKENDS } from '../helpers/store-backends.ts';

describe.each(STORE_BACKENDS)('the subscriber history on $name', (backend) => {
  let store: DigestStore;
  freshStoreEach(backend, (s) => {
    store = s;
  });

  const kinds = async (email: string) => {
    const s = await store.findSubscriber(email);
    return (await store.history.list(s?.id ?? 0)).map((e) => [e.kind, e.fromStatus, e.toStatus, e.source]);
  };

  it('starts with who added the subscriber, and from where', async () => {
    const { subscriber } = await store.addSubscriber('ana@example.org', 'Ana', {
      source: 'cli',
      actor: 'ops@cli',
    });
    const [event] = await store.history.list(subscriber.id);
    expect(event).toMatchObject({
      subscriberId: subscriber.id,
      kind: 'subscribed',
      fromStatus: null,
      toStatus: 'active',
      source: 'cli',
      actor: 'ops@cli',
      ip: null,
    });
    expect(Date.parse(event?.at ?? '')).not.toBeNaN();
  });

  it('records an import as imported, in the status the file gave, and nothing for addresses already on the list', async () => {
    await store.addSubscriber('ana@example.org', null);
    await store.addSubscribers([
      { email: 'ANA@example.org', name: null },
      { email: 'zoe@example.org', name: null, status: 'unsubscribed' },
    ]);
    expect(await kinds('zoe@example.org')).toEqual([['imported', null, 'unsubscribed', 'import']]);
    expect(await kinds('ana@example.org')).toEqual([['subscribed', null, 'active', 'cli']]);
  });

  it('records one row per status change with its cause, and none when the status stays', async () => {
    await store.addSubscriber('ana@example.org', null);
    await store.setSubscriberStatus('ana@example.org', 'unsubscribed', { source: 'link', ip: '192.0.2.7' });
    const again = await store.setSubscriberStatus('Ana@Example.org', 'unsubscribed', { source: 'mail' });
    expect(again).toMatchObject({ from: 'unsubscribed', changed: false });
    await store.setSubscriberStatus('ana@example.org', 'active', {
      source: 'cli',
      kind: 'status-forced',
      actor: 'ops@cli',
      note: '--force-resubscribe',
    });
    expect(await kinds('ana@example.org')).toEqual([
      ['subscribed', null, 'active', 'cli'],
      ['unsubscribed', 'active', 'unsubscribed', 'link'],
      ['status-forced', 'unsubscribed', 'active', 'cli'],
    ]);
    const events = await store.history.list((await store.findSubscriber('ana@example.org'))?.id ?? 0);
    expect(events[1]?.ip).toBe('192.0.2.7');
    expect(events[2]).toMatchObject({ actor: 'ops@cli', note: '--force-resubscribe' });
  });

  it('never lets a bounce overwrite an unsubscribe', async () => {
    await store.addSubscriber('ana@example.org', null);
    await store.setSubscriberStatus('ana@example.org', 'unsubscribed', { source: 'link' });
    const change = await store.setSubscriberStatus('ana@example.org', 'bounced', {
      source: 'bounce',
      onlyFrom: ['active'],
    });
    expect(change).toMatchObject({ changed: false, subscriber: { status: 'unsubscribed' } });
    expect((await kinds('ana@example.org')).map(([kind]) => kind)).toEqual(['subscribed', 'unsubscribed']);
  });

  it('answers null for an address not on the list and records nothing', async () => {
    expect(
      await store.setSubscriberStatus('nobody@example.org', 'unsubscribed', { source: 'link' }),
    ).toBeNull();
  });

  it('keeps consent facts that change no status, with bounded free text', async () => {
    const { subscriber } = await store.addSubscriber('ana@example.org', null, { source: 'form', ip: '::1' });
    await store.history.record({
      subscriberId: subscriber.id,
      kind: 'confirmed',
      source: 'form',
      ip: '198.51.100.4',
      note: 'x'.repeat(5000),
    });
    const events = await store.history.list(subscriber.id);
    expect(events.map((e) => e.kind)).toEqual(['subscribed', 'confirmed']);
    expect(events[0]?.ip).toBe('::1');
    expect(events[1]).toMatchObject({ fromStatus: null, toStatus: null, ip: '198.51.100.4' });
    expect(events[1]?.note?.length).toBe(1000);
  });
});
