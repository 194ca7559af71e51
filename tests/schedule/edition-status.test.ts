import { describe, expect, it } from 'vitest';
import { formatDetail } from '../../src/cli/status-command.ts';
import { describeEdition } from '../../src/schedule/edition-status.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { freshStoreEach, STORE_BACKENDS } from '../helpers/store-backends.ts';

describe.each(STORE_BACKENDS)('the status of a finished edition on $name', (backend) => {
  let store: DigestStore;
  freshStoreEach(backend, (s) => {
    store = s;
  });

  /** ana: a retry, then sent; ben: 550, bounced; carl: 554, still active. */
  async function finishedEdition(): Promise<string> {
    for (const e of ['ana', 'ben', 'carl']) await store.addSubscriber(`${e}@example.org`, null);
    await store.openEdition({
      edition: { id: 'e1', date: '2024-01-01', composedAt: 't', newsletterName: 'D', items: [] },
      subject: 'S',
      slot: null,
      articleIds: [],
      messageIdDomain: 'example.org',
    });
    const [ana, ben, carl] = await store.claimDeliveries('e1', 10, new Date());
    await store.markRetry('e1', ana?.subscriberId ?? 0, 'SMTP 421: try again later', new Date(0));
    await store.claimDeliveries('e1', 10, new Date());
    await store.markSent('e1', ana?.subscriberId ?? 0);
    await store.markFailed('e1', ben?.subscriberId ?? 0, 'SMTP 550: no such user');
    await store.setSubscriberStatus('ben@example.org', 'bounced', { source: 'bounce' });
    await store.markFailed('e1', carl?.subscriberId ?? 0, 'SMTP 554: rejected');
    await store.setEditionStatus('e1', 'done');
    return 'e1';
  }

  it('lists no stale error of a delivery that was sent after it', async () => {
    const detail = await describeEdition(store, await finishedEdition());
    expect(detail?.lastErrors.map((e) => e.email).sort()).toEqual(['ben@example.org', 'carl@example.org']);
    expect(detail?.progress).toMatchObject({ sent: 1, failed: 2 });
  });

  it('suggests retry-failed only for what it would retry, and says what it skips', async () => {
    const detail = await describeEdition(store, await finishedEdition());
    expect(detail).toMatchObject({ bounced: 1, retryable: 1 });
    const text = formatDetail(detail ?? never());
    expect(text).toContain('`digest retry-failed e1` queues the 1 failed to active subscribers again');
    expect(text).toContain('1 failed to addresses that bounced or left: retry-failed skips them');
    expect(await store.requeueFailed('e1')).toBe(1);
  });

  it('suggests no retry when every failure bounced', async () => {
    const id = await finishedEdition();
    await store.setSubscriberStatus('carl@example.org', 'bounced', { source: 'bounce' });
    const text = formatDetail((await describeEdition(store, id)) ?? never());
    expect(text).not.toContain('digest retry-failed');
    expect(text).toContain('2 failed to addresses that bounced or left: retry-failed skips them');
  });
});

function never(): never {
  throw new Error('no edition');
}
