import type { Edition } from '../models/edition.ts';
import type { FetchRecord } from '../models/source.ts';
import type { AccountStore } from './accounts.ts';
import type { AuditLog } from './audit.ts';
import type { BounceStore } from './bounce-store.ts';
import type { DeskReads } from './desk-reads.ts';
import type { DraftStore } from './drafts.ts';
import type { AddOrigin, StatusCause, SubscriberHistory } from './history.ts';
import type { LimitStore } from './limits.ts';
import type { RunStore } from './runs.ts';
import type { SignupStore } from './signups.ts';

/** unconfirmed: signed up, the confirmation link not followed yet; never gets an edition. */
export type SubscriberStatus = 'active' | 'unsubscribed' | 'bounced' | 'unconfirmed';
/** skipped: the subscriber left (unsubscribed, bounced) after the edition was enqueued. */
export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'skipped';
export type EditionStatus = 'sending' | 'done' | 'paused';

export interface Subscriber {
  id: number;
  email: string;
  name: string | null;
  status: SubscriberStatus;
  createdAt: string;
  updatedAt: string;
}

/** A subscriber to add; status defaults to active (an import may carry unsubscribed ones). */
export interface NewSubscriber {
  email: string;
  name: string | null;
  status?: SubscriberStatus;
}

/** What setSubscriberStatus did. */
export interface StatusChange {
  /** The subscriber after the call. */
  subscriber: Subscriber;
  /** The status before the call. */
  from: SubscriberStatus;
  /** False when the status was already the one asked for, or `onlyFrom` kept it. */
  changed: boolean;
}

/** A delivery claimed for sending, with what the message needs of the subscriber. */
export interface ClaimedDelivery {
  editionId: string;
  subscriberId: number;
  email: string;
  name: string | null;
  messageId: string;
  /** Attempts including this one. */
  attempts: number;
}

/** What claimDeliveryBatch claimed, and when the rest of the batch is due (null: nothing left). */
export interface ClaimedBatch {
  claimed: ClaimedDelivery[];
  nextDueAt: Date | null;
}

/** A delivery still to send, as pendingDeliveries streams it. */
export interface PendingDelivery {
  subscriberId: number;
  /** When it may be tried (a retry's backoff); the epoch when due at once. */
  dueAt: Date;
}

export interface EditionRecord {
  id: string;
  slot: string | null;
  status: EditionStatus;
  subject: string;
  edition: Edition;
  createdAt: string;
  finishedAt: string | null;
}

/** A delivery that recorded an error (for status and the ops API). */
export interface DeliveryErrorRecord {
  email: string;
  status: DeliveryStatus;
  error: string;
  /** ISO time of the last change. */
  at: string;
}

export interface EditionProgress {
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  skipped: number;
  total: number;
}

/** What openEdition records in one transaction. */
export interface OpenEditionInput {
  edition: Edition;
  subject: string;
  /** The schedule slot; a second edition for the same slot is refused. null = manual send. */
  slot: string | null;
  /** The articles the edition carries: remembered as seen. */
  articleIds: string[];
  /** The domain of Message-IDs: `<editionId.subscriberId@domain>`, stable per delivery. */
  messageIdDomain: string;
}

/**
 * The store the product runs on. SQLite is the embedded default; the interface is async so
 * a networked store (Postgres) fits behind it unchanged. Lists that grow with the subscriber
 * count are streamed (AsyncIterable) or claimed in batches: nothing loads them whole.
 * Every address a method takes is normalised first (normalizeEmailAddress): any form of an
 * address finds, adds or changes the one row of that address, which is stored in normal form.
 */
export interface DigestStore {
  /** Bounce and complaint events (src/store/bounce-store.ts). */
  readonly bounces: BounceStore;

  /**
   * Adds an active subscriber unless the address is on the list (in any status: an existing
   * row is returned unchanged, never resubscribed). Records `subscribed` in the history.
   * Default origin: the CLI.
   */
  addSubscriber(
    email: string,
    name: string | null,
    origin?: AddOrigin,
  ): Promise<{ subscriber: Subscriber; created: boolean }>;
  /**
   * Adds the addresses not on the list yet (one transaction); returns how many were added.
   * Records `imported` (origin import, the default) or `subscribed` for each.
   */
  addSubscribers(batch: NewSubscriber[], origin?: AddOrigin): Promise<number>;
  /**
   * Sets a subscriber's status and records the change with its cause in the history, in one
   * transaction. null when the address is not on the list.
   */
  setSubscriberStatus(
    email: string,
    status: SubscriberStatus,
    cause: StatusCause,
  ): Promise<StatusChange | null>;
  findSubscriber(email: string): Promise<Subscriber | null>;
  /** The subscribers of these addresses (any form of each) that are on the list, in no order. */
  findSubscribers(emails: string[]): Promise<Subscriber[]>;
  /** Each subscriber's status changes and consent facts (see history.ts). */
  readonly history: SubscriberHistory;
  /** What sign-ups waiting for their confirmation need (see signups.ts). */
  readonly signups: SignupStore;
  /** Editions stopped for review, and their corrections (DIGEST_REVIEW=required). */
  readonly drafts: DraftStore;
  /** Desk accounts, sign-in links and sessions. */
  readonly accounts: AccountStore;
  /** Who did what, when: every desk, CLI and ops action that changes something. */
  readonly audit: AuditLog;
  /** The bounded reads of the desk's pages: search, one subscriber's deliveries, the send rate. */
  readonly deskReads: DeskReads;
  /** Rate-limit windows shared by every process on the database (see limits.ts). */
  readonly limits: LimitStore;
  /** The ops API's triggered runs, followed by GET /api/runs/ID from any process (see runs.ts). */
  readonly runs: RunStore;
  /** Streams the list in id order, a page at a time; safe to write to the store meanwhile. */
  listSubscribers(status?: SubscriberStatus): AsyncIterable<Subscriber>;
  countSubscribers(status?: SubscriberStatus): Promise<number>;

  /**
   * Atomically records an edition, marks its articles seen and enqueues one delivery per
   * active subscriber. created is false (and nothing changes) when the edition or its slot
   * exists already (another worker fired it).
   */
  openEdition(input: OpenEditionInput): Promise<{ created: boolean; queued: number }>;
  /** Records an edition; false when the slot already has one (prefer openEdition: atomic). */
  createEdition(edition: Edition, subject: string, slot: string | null): Promise<boolean>;
  /** One queued delivery per active subscriber (the first `limit` by id), exactly once. */
  enqueueDeliveries(editionId: string, messageIdDomain: string, limit?: number): Promise<number>;
  markArticlesSeen(articleIds: string[], editionId: string): Promise<void>;
  getEdition(id: string): Promise<EditionRecord | null>;
  listEditions(limit: number): Promise<EditionRecord[]>;
  /** Editions still sending (after a crash or a stop); with includePaused, paused ones too. */
  unfinishedEditions(options?: { includePaused?: boolean }): Promise<EditionRecord[]>;
  setEditionStatus(id: string, status: EditionStatus): Promise<void>;

  /**
   * Moves up to `limit` due queued deliveries to "sending" (counting an attempt) and returns
   * them. Deliveries whose subscriber is no longer active become "skipped" instead.
   */
  claimDeliveries(editionId: string, limit: number, now: Date): Promise<ClaimedDelivery[]>;
  /**
   * Claims a queue job's deliveries (see src/deliver/queue/): of `subscriberIds`, moves those
   * queued and due to "sending", counting an attempt, and returns them. Deliveries already
   * "sending" are claimed again: the queue hands a job out twice only when its sender died with
   * them in flight. Sent, failed and skipped ones are left out; so are those whose subscriber
   * left (they become skipped). nextDueAt: the earliest due time of those still queued.
   */
  claimDeliveryBatch(editionId: string, subscriberIds: number[], now: Date): Promise<ClaimedBatch>;
  /**
   * Streams the edition's deliveries still to send (queued or sending) in subscriber order, a
   * page at a time: what a queue needs to fan an edition out into jobs.
   */
  pendingDeliveries(editionId: string): AsyncIterable<PendingDelivery>;
  markSent(editionId: string, subscriberId: number): Promise<void>;
  /** Temporary failure: back to the queue, due at `retryAt`. */
  markRetry(editionId: string, subscriberId: number, error: string, retryAt: Date): Promise<void>;
  markFailed(editionId: string, subscriberId: number, error: string): Promise<void>;
  /** Of these subscribers, the ids of those no longer active (left since their delivery was claimed). */
  leftSubscribers(subscriberIds: number[]): Promise<number[]>;
  /** A claimed ("sending") delivery whose subscriber left before it went out becomes "skipped". */
  markSkipped(editionId: string, subscriberId: number): Promise<void>;
  /**
   * Marks skipped the edition's queued deliveries that must not go through a real relay: to
   * these addresses (any form of each), and to every subscriber the dev-inbox demo added (the
   * history row that last made them active has source `demo`); returns how many.
   */
  skipDemoDeliveries(editionId: string, emails: string[]): Promise<number>;
  /** Claimed deliveries this process will not send (pause, stop) go back to the queue unchanged. */
  releaseDeliveries(editionId: string, subscriberIds: number[]): Promise<void>;
  /** After a crash: deliveries left "sending" go back to the queue. */
  requeueSending(editionId: string): Promise<number>;
  editionProgress(editionId: string): Promise<EditionProgress>;
  /** Failed deliveries of still-active subscribers go back to the queue with fresh attempts. */
  requeueFailed(editionId: string): Promise<number>;
  /**
   * The latest delivery errors of an edition, newest first: of deliveries not sent (an error
   * a later attempt got past is history, not a problem).
   */
  deliveryErrors(editionId: string, limit: number): Promise<DeliveryErrorRecord[]>;
  /** Failed deliveries that requeueFailed would take: those to subscribers still active. */
  countRetryable(editionId: string): Promise<number>;
  /** How many of the edition's recipients are now marked bounced. */
  countBounced(editionId: string): Promise<number>;
  /** The earliest time a queued delivery of the edition is due, or null when none is queued. */
  nextDueAt(editionId: string): Promise<Date | null>;

  /** The article ids that no edition has carried yet. */
  filterUnseenArticles(articleIds: string[]): Promise<string[]>;
  /** The remembered response of a source URL, for conditional requests (ETag, Last-Modified). */
  getFetchRecord(url: string): Promise<FetchRecord | null>;
  /** Remembers (replaces) the last full response of a source URL. */
  putFetchRecord(record: FetchRecord): Promise<void>;

  getSetting(key: string): Promise<string | null>;
  setSettingIfAbsent(key: string, value: string): Promise<string>;
  setSetting(key: string, value: string): Promise<void>;

  /** Takes (or renews) the named lease for `ttlMs` unless another holder has it unexpired. */
  acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;
  /** Who holds the named lease now, or null. */
  leaseHolder(name: string): Promise<string | null>;

  close(): Promise<void>;
}
