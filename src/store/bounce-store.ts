import type { SubscriberStatus } from './store.ts';

/** What a bounce event is about (see src/bounces/report.ts). */
export type BounceEventKind = 'hard' | 'soft' | 'complaint' | 'notice' | 'auto-reply' | 'unparseable';

/**
 * How the event found its delivery: by VERP token, the original Message-ID, the failed
 * recipient, or the SMTP session of the delivery itself (session); or not: unmatched (no such delivery or subscriber), forged (a VERP address whose
 * token fails its signature), none (nothing to match: an unparseable mail).
 */
export type BounceMatch = 'verp' | 'message-id' | 'recipient' | 'session' | 'unmatched' | 'forged' | 'none';

/** Where the report came in: the bounce mailbox, a provider's webhook, the SMTP session itself. */
export type BounceSource = 'mail' | 'ses' | 'smtp';

/** What the event did to the subscriber. */
export type BounceAction = 'bounced' | 'unsubscribed';

/** A bounce event to record. Matched events carry subscriber and edition; the others neither. */
export interface NewBounceEvent {
  subscriberId: number | null;
  editionId: string | null;
  /** The address the report names (or the subscriber's), bounded; null when it names none. */
  email: string | null;
  kind: BounceEventKind;
  matchedBy: BounceMatch;
  /** Status code (5.1.1, 550) or feedback type (abuse). */
  code: string | null;
  diagnostic: string | null;
  source: BounceSource;
  action: BounceAction | null;
  /** When it happened, as the report says. */
  occurredAt: Date;
}

/** A recorded bounce event. */
export interface BounceEvent extends Omit<NewBounceEvent, 'occurredAt'> {
  id: number;
  /** ISO times. */
  occurredAt: string;
  receivedAt: string;
}

/** A delivery a report may be about, with its subscriber as the store has them now. */
export interface BouncedDelivery {
  editionId: string;
  subscriberId: number;
  email: string;
  subscriberStatus: SubscriberStatus;
  messageId: string;
}

/** Events of one edition (or of all) by kind; unmatched and forged count reports that matched nothing. */
export interface BounceCounts {
  hard: number;
  soft: number;
  complaint: number;
  notice: number;
  autoReply: number;
  unparseable: number;
  unmatched: number;
  forged: number;
}

/**
 * The bounce events of both stores (store.bounces): one row per report read, whatever it
 * said, so every bounce, complaint, auto-reply and unreadable mail is counted.
 */
export interface BounceStore {
  record(event: NewBounceEvent): Promise<BounceEvent>;
  /** Notes what an event did (once the rules decided, after it was recorded). */
  setAction(id: number, action: BounceAction): Promise<BounceEvent>;
  /** The delivery of an edition to a subscriber (any delivery status), or null. */
  findDelivery(editionId: string, subscriberId: number): Promise<BouncedDelivery | null>;
  /** The newest edition sent to the subscriber (the delivery a bounce naming only the address is about). */
  latestSentEdition(subscriberId: number): Promise<string | null>;
  /**
   * Among the last `window` editions sent to the subscriber, how many had a soft bounce from
   * them (an edition counts once however many reports it drew).
   */
  softBouncedEditions(subscriberId: number, window: number): Promise<number>;
  /** The events matched to one edition by kind; with no edition, every event ever recorded. */
  counts(editionId?: string): Promise<BounceCounts>;
  /** Per subscriber, the newest event that marked them bounced or unsubscribed: the reason shown. */
  reasons(subscriberIds: number[]): Promise<Map<number, BounceEvent>>;
}

/** Columns as both dialects return them. */
export interface BounceEventRow {
  id: number;
  subscriber_id: number | null;
  edition_id: string | null;
  email: string | null;
  kind: BounceEventKind;
  matched_by: BounceMatch;
  code: string | null;
  diagnostic: string | null;
  source: BounceSource;
  action: BounceAction | null;
  occurred_at: string;
  received_at: string;
}

/** Maps a bounce_events row to the model. */
export const toBounceEvent = (r: BounceEventRow): BounceEvent => ({
  id: Number(r.id),
  subscriberId: r.subscriber_id,
  editionId: r.edition_id,
  email: r.email,
  kind: r.kind,
  matchedBy: r.matched_by,
  code: r.code,
  diagnostic: r.diagnostic,
  source: r.source,
  action: r.action,
  occurredAt: r.occurred_at,
  receivedAt: r.received_at,
});

/** Folds `kind, match, n` rows into counts: matched events by kind, the rest by how they failed to match. */
export function toBounceCounts(
  rows: { kind: BounceEventKind; matched_by: BounceMatch; n: number }[],
): BounceCounts {
  const counts: BounceCounts = {
    hard: 0,
    soft: 0,
    complaint: 0,
    notice: 0,
    autoReply: 0,
    unparseable: 0,
    unmatched: 0,
    forged: 0,
  };
  for (const { kind, matched_by: match, n } of rows) {
    const count = Number(n);
    if (match === 'unmatched' || match === 'forged') counts[match] += count;
    else if (kind === 'auto-reply') counts.autoReply += count;
    else counts[kind] += count;
  }
  return counts;
}

/** The query of softBouncedEditions, the same in both dialects but for placeholders. */
export const SOFT_WINDOW_SQL = `SELECT COUNT(DISTINCT b.edition_id) AS n FROM bounce_events b
  WHERE b.subscriber_id = :sub AND b.kind = 'soft' AND b.matched_by IN ('verp', 'message-id', 'recipient', 'session') AND b.edition_id IN (
    SELECT d.edition_id FROM editions e JOIN deliveries d ON d.edition_id = e.id AND d.subscriber_id = :sub
    WHERE d.status IN ('sent', 'failed') ORDER BY e.created_at DESC, e.id DESC LIMIT :window)`;

/** A deliveries row joined with its subscriber, as both dialects return it. */
export interface DeliveryRow {
  edition_id: string;
  subscriber_id: number;
  email: string;
  status: SubscriberStatus;
  message_id: string;
}

/** Maps the joined row to the model. */
export const toBouncedDelivery = (row: DeliveryRow): BouncedDelivery => ({
  editionId: row.edition_id,
  subscriberId: row.subscriber_id,
  email: row.email,
  subscriberStatus: row.status,
  messageId: row.message_id,
});
