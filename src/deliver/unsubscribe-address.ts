import type { StatusCause } from '../store/history.ts';
import type { DigestStore } from '../store/store.ts';

/** What an unsubscribe request did: only the first two may tell the subscriber "unsubscribed". */
export type UnsubscribeOutcome = 'unsubscribed' | 'already-unsubscribed' | 'not-on-list';

/**
 * Unsubscribes the address a verified token carries (one-click link, unsubscribe mail) and
 * records it with its cause. The address is looked up in normal form, so a token signed for
 * any form of it (`UNI@BÜCHER.example`, an old lower-cased one) reaches its one row.
 */
export async function unsubscribeAddress(
  store: DigestStore,
  email: string,
  cause: Omit<StatusCause, 'onlyFrom'>,
): Promise<UnsubscribeOutcome> {
  const change = await store.setSubscriberStatus(email, 'unsubscribed', cause);
  if (!change) return 'not-on-list';
  return change.changed ? 'unsubscribed' : 'already-unsubscribed';
}
