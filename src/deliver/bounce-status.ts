import type { DigestError } from '../errors.ts';
import type { ClaimedDelivery, DigestStore } from '../store/store.ts';

/**
 * Marks the subscriber of a delivery the relay refused for good (550, 551, 553) as bounced,
 * with the reply in the history. Only an active subscriber: someone who unsubscribed while
 * the message was in flight stays unsubscribed.
 */
export async function markDeliveryBounced(
  store: DigestStore,
  delivery: ClaimedDelivery,
  error: DigestError,
): Promise<void> {
  await store.setSubscriberStatus(delivery.email, 'bounced', {
    source: 'bounce',
    onlyFrom: ['active'],
    note: `refused at delivery of edition ${delivery.editionId}: ${error.message}`,
  });
}
