import type { Edition } from '../models/edition.ts';

export type SubscriberStatus = 'active' | 'unsubscribed' | 'bounced';
export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed';
export type EditionStatus = 'sending' | 'done' | 'paused';

export interface Subscriber {
  id: number;
  email: string;
  name: string | null;
  status: SubscriberStatus;
  createdAt: string;
  updatedAt: string;
}

/** A delivery claimed for sending, with what the message needs of the subscriber. */
export interface ClaimedDelivery {
  editionId: string;
  subscriberId: number;
  email: string;
  name: string | null;
  messageId: string;
  attempts: number;
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

export interface EditionProgress {
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  total: number;
}

/**
 * The store the product runs on. SQLite is the embedded default; the interface is async so
 * a networked store (Postgres) fits behind it unchanged.
 */
export interface DigestStore {
  addSubscriber(email: string, name: string | null): Promise<{ subscriber: Subscriber; created: boolean }>;
  setSubscriberStatus(email: string, status: SubscriberStatus): Promise<boolean>;
  findSubscriber(email: string): Promise<Subscriber | null>;
  listSubscribers(status?: SubscriberStatus): AsyncIterable<Subscriber>;
  countSubscribers(status?: SubscriberStatus): Promise<number>;

  /** Records an edition; false when the slot already has one (another worker fired it). */
  createEdition(edition: Edition, subject: string, slot: string | null): Promise<boolean>;
  getEdition(id: string): Promise<EditionRecord | null>;
  listEditions(limit: number): Promise<EditionRecord[]>;
  unfinishedEditions(): Promise<EditionRecord[]>;
  setEditionStatus(id: string, status: EditionStatus): Promise<void>;

  /** One queued delivery per active subscriber, exactly once however often it is called. */
  enqueueDeliveries(editionId: string, messageIdDomain: string): Promise<number>;
  /** Moves up to `limit` due queued deliveries to "sending" and returns them. */
  claimDeliveries(editionId: string, limit: number, now: Date): Promise<ClaimedDelivery[]>;
  markSent(editionId: string, subscriberId: number): Promise<void>;
  /** Temporary failure: back to the queue, due at `retryAt`. */
  markRetry(editionId: string, subscriberId: number, error: string, retryAt: Date): Promise<void>;
  markFailed(editionId: string, subscriberId: number, error: string): Promise<void>;
  /** After a crash: deliveries left "sending" go back to the queue. */
  requeueSending(editionId: string): Promise<number>;
  editionProgress(editionId: string): Promise<EditionProgress>;
  /** The earliest time a queued delivery of the edition is due, or null when none is queued. */
  nextDueAt(editionId: string): Promise<Date | null>;

  /** The article ids that no edition has carried yet. */
  filterUnseenArticles(articleIds: string[]): Promise<string[]>;
  markArticlesSeen(articleIds: string[], editionId: string): Promise<void>;

  getSetting(key: string): Promise<string | null>;
  setSettingIfAbsent(key: string, value: string): Promise<string>;

  close(): Promise<void>;
}
