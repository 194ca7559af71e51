import type { DeliveryStatus, Subscriber } from './store.ts';

/** One of a subscriber's deliveries, with its edition's subject. */
export interface SubscriberDelivery {
  editionId: string;
  subject: string;
  status: DeliveryStatus;
  attempts: number;
  error: string | null;
  sentAt: string | null;
  /** ISO time of the last change. */
  at: string;
}

/**
 * The reads only the desk needs (store.deskReads): bounded by a limit, never the whole list.
 */
export interface DeskReads {
  /** Subscribers whose address contains `text` (case-insensitive), by address; at most `limit`. */
  searchSubscribers(text: string, limit: number): Promise<Subscriber[]>;
  /** The subscriber's deliveries in the latest `limit` editions, newest first. */
  subscriberDeliveries(subscriberId: number, limit: number): Promise<SubscriberDelivery[]>;
  /** How many deliveries of the edition were sent at or after `since` (for the send rate). */
  sentSince(editionId: string, since: Date): Promise<number>;
}

/** The LIKE pattern of a search text: its own % and _ escaped with \. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A row of subscriberDeliveries, as both dialects return it. */
export interface SubscriberDeliveryRow {
  edition_id: string;
  subject: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  sent_at: string | null;
  updated_at: string;
}

/** Maps a row to the model. */
export const toSubscriberDelivery = (r: SubscriberDeliveryRow): SubscriberDelivery => ({
  editionId: r.edition_id,
  subject: r.subject,
  status: r.status,
  attempts: Number(r.attempts),
  error: r.last_error,
  sentAt: r.sent_at,
  at: r.updated_at,
});

/**
 * The deliveries of one subscriber: the latest editions, each joined on the outbox's primary
 * key (edition, subscriber), so no index on subscriber_id is needed (or paid for on every send).
 */
export const SUBSCRIBER_DELIVERIES = `SELECT d.edition_id, e.subject, d.status, d.attempts, d.last_error, d.sent_at, d.updated_at
  FROM editions e JOIN deliveries d ON d.edition_id = e.id AND d.subscriber_id = $1
  ORDER BY e.created_at DESC, e.id DESC LIMIT $2`;
