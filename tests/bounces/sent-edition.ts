import type { ClaimedDelivery, DigestStore } from '../../src/store/store.ts';
import { openEmptyEdition } from '../deliver/outbox-fixture.ts';

/**
 * Opens an edition without articles for the store's active subscribers and records every
 * delivery as sent (Message-IDs `<ID.SUBSCRIBER@news.example>`): what bounces come back from.
 * Returns the deliveries.
 */
export async function sendEmptyEdition(store: DigestStore, id: string): Promise<ClaimedDelivery[]> {
  await openEmptyEdition(store, id, 'news.example');
  const sent: ClaimedDelivery[] = [];
  for (;;) {
    const claimed = await store.claimDeliveries(id, 1000, new Date());
    if (claimed.length === 0) break;
    await Promise.all(claimed.map((d) => store.markSent(id, d.subscriberId)));
    sent.push(...claimed);
  }
  // Editions are ordered by creation time: keep the next one's time its own.
  await new Promise((resolve) => setTimeout(resolve, 5));
  return sent;
}
