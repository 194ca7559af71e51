import type { DigestError } from '../errors.ts';
import type { ClaimedDelivery, DigestStore } from '../store/store.ts';

/**
 * Marks the subscriber of a delivery the relay refused for good (550, 551, 553) as bounced,
 * with the reply in the history, and records the refusal as a bounce event, so `subscribers
 * list` and `status` say why as for a bounce that comes back later by mail. Only an active
 * subscriber: someone who unsubscribed while the message was in flight stays unsubscribed.
 */
export async function markDeliveryBounced(
  store: DigestStore,
  delivery: ClaimedDelivery,
  error: DigestError,
): Promise<void> {
  const change = await store.setSubscriberStatus(delivery.email, 'bounced', {
    source: 'bounce',
    onlyFrom: ['active'],
    note: `refused at delivery of edition ${delivery.editionId}: ${error.message}`,
  });
  const reply = error.data.responseCode;
  await store.bounces.record({
    subscriberId: delivery.subscriberId,
    editionId: delivery.editionId,
    email: delivery.email,
    kind: 'hard',
    matchedBy: 'session',
    code: typeof reply === 'number' ? String(reply) : null,
    diagnostic: error.message.slice(0, 500),
    source: 'smtp',
    action: change?.changed ? 'bounced' : null,
    occurredAt: new Date(),
  });
}
