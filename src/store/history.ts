import type { SubscriberStatus } from './store.ts';

/**
 * What happened to a subscriber. Status changes: subscribed (added active), imported (added
 * by an import, in the status the file gave), confirmed (a double opt-in confirmed),
 * unsubscribed, bounced, resubscribed (the subscriber's own confirmed request after leaving),
 * status-forced (an operator overrode a status, e.g. `--force-resubscribe`), merged (rows of
 * one address joined by the address migration), signed-up (a sign-up form or API added the
 * address as unconfirmed), confirmation-sent (a double opt-in link was mailed: a consent fact
 * that changes no status). Consent facts need not change the status.
 */
export type SubscriberEventKind =
  | 'subscribed'
  | 'imported'
  | 'confirmed'
  | 'unsubscribed'
  | 'bounced'
  | 'resubscribed'
  | 'status-forced'
  | 'merged'
  | 'signed-up'
  | 'confirmation-sent';

/**
 * Where the change came from: the CLI, a CSV import, a web form, the ops API, the unsubscribe
 * link, an unsubscribe mail, a bounce (SMTP refusal or a bounce report), the editors' desk,
 * a schema migration, the dev-inbox demo.
 */
export type SubscriberEventSource =
  | 'cli'
  | 'import'
  | 'form'
  | 'api'
  | 'link'
  | 'mail'
  | 'bounce'
  | 'desk'
  | 'migration'
  | 'demo';

/** One row of a subscriber's history. */
export interface SubscriberEvent {
  id: number;
  subscriberId: number;
  /** ISO time. */
  at: string;
  kind: SubscriberEventKind;
  /** The status before; null when the event created the subscriber or changed no status. */
  fromStatus: SubscriberStatus | null;
  /** The status after; null when the event changed no status (a consent fact). */
  toStatus: SubscriberStatus | null;
  source: SubscriberEventSource;
  /** Who, when an operator or editor did it (a user name, an account). */
  actor: string | null;
  /** The client's address, when a request did it. */
  ip: string | null;
  note: string | null;
}

/** An event to record; `at` defaults to now, the others to null. */
export interface NewSubscriberEvent {
  subscriberId: number;
  kind: SubscriberEventKind;
  source: SubscriberEventSource;
  at?: string;
  fromStatus?: SubscriberStatus | null;
  toStatus?: SubscriberStatus | null;
  actor?: string | null;
  ip?: string | null;
  note?: string | null;
}

/** Why a status changes: written into the history row the change records. */
export interface StatusCause {
  source: SubscriberEventSource;
  /** Default: from the new status (unsubscribed, bounced; active after leaving: resubscribed). */
  kind?: SubscriberEventKind;
  actor?: string | null;
  ip?: string | null;
  note?: string | null;
  /**
   * Change only a subscriber now in one of these statuses (a bounce never overwrites an
   * unsubscribe). Default: any status.
   */
  onlyFrom?: readonly SubscriberStatus[];
}

/** Who added a subscriber (addSubscriber, addSubscribers): the history's first row. */
export interface AddOrigin {
  source: SubscriberEventSource;
  actor?: string | null;
  ip?: string | null;
  note?: string | null;
}

/** The subscriber history, on the store as `store.history` (both backends). */
export interface SubscriberHistory {
  /** Records one event (a consent fact, or a change made outside setSubscriberStatus). */
  record(event: NewSubscriberEvent): Promise<void>;
  /** A subscriber's events, oldest first. */
  list(subscriberId: number): Promise<SubscriberEvent[]>;
}

/** Longest actor, ip and note kept: the history is bounded like every stored field. */
export const EVENT_FIELD_MAX = { actor: 200, ip: 64, note: 1000 } as const;

/** The event as stored: defaults filled, free-text fields cut to their bounds. */
export function toEventRow(event: NewSubscriberEvent): Omit<SubscriberEvent, 'id'> {
  return {
    subscriberId: event.subscriberId,
    at: event.at ?? new Date().toISOString(),
    kind: event.kind,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    source: event.source,
    actor: bound(event.actor, EVENT_FIELD_MAX.actor),
    ip: bound(event.ip, EVENT_FIELD_MAX.ip),
    note: bound(event.note, EVENT_FIELD_MAX.note),
  };
}

/** The kind an insert records: an import, a sign-up waiting for its confirmation, or a subscription. */
export function addedKind(origin: AddOrigin, status: SubscriberStatus): SubscriberEventKind {
  if (origin.source === 'import') return 'imported';
  return status === 'unconfirmed' ? 'signed-up' : 'subscribed';
}

/** The kind a status change records unless the cause names one. */
export function statusChangeKind(from: SubscriberStatus, to: SubscriberStatus): SubscriberEventKind {
  if (to === 'unsubscribed') return 'unsubscribed';
  if (to === 'bounced') return 'bounced';
  if (from === 'unconfirmed') return 'confirmed';
  return from === 'active' ? 'subscribed' : 'resubscribed';
}

function bound(value: string | null | undefined, max: number): string | null {
  if (value === undefined || value === null) return null;
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** The columns of subscriber_events, in the order toEventValues gives them. */
export const EVENT_COLUMNS =
  'subscriber_id, at, kind, from_status, to_status, source, actor, ip, note' as const;

/** An event row's values in EVENT_COLUMNS order. */
export function toEventValues(row: Omit<SubscriberEvent, 'id'>): (string | number | null)[] {
  return [
    row.subscriberId,
    row.at,
    row.kind,
    row.fromStatus,
    row.toStatus,
    row.source,
    row.actor,
    row.ip,
    row.note,
  ];
}

/** A subscriber_events row as both dialects return it. */
export interface SubscriberEventRow {
  id: number;
  subscriber_id: number;
  at: string;
  kind: SubscriberEventKind;
  from_status: SubscriberStatus | null;
  to_status: SubscriberStatus | null;
  source: SubscriberEventSource;
  actor: string | null;
  ip: string | null;
  note: string | null;
}

/** Maps a subscriber_events row to the model. */
export const toSubscriberEvent = (r: SubscriberEventRow): SubscriberEvent => ({
  id: r.id,
  subscriberId: r.subscriber_id,
  at: r.at,
  kind: r.kind,
  fromStatus: r.from_status,
  toStatus: r.to_status,
  source: r.source,
  actor: r.actor,
  ip: r.ip,
  note: r.note,
});

/**
 * The ids of the subscribers the dev-inbox demo added and nobody made active since: the
 * history row that last made them active has source `demo`. The same SQL in both dialects.
 */
export const DEMO_ADDED = `SELECT demo.subscriber_id FROM subscriber_events demo
  WHERE demo.source = 'demo' AND demo.to_status = 'active'
    AND NOT EXISTS (SELECT 1 FROM subscriber_events later
      WHERE later.subscriber_id = demo.subscriber_id AND later.id > demo.id AND later.to_status = 'active')`;
