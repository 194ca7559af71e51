import type { Edition } from '../models/edition.ts';
import type { FetchRecord } from '../models/source.ts';
import type { EditionRecord, EditionStatus, Subscriber, SubscriberStatus } from './store.ts';

/** Table rows as both SQL dialects return them (same column names, same types). */

export interface SubscriberRow {
  id: number;
  email: string;
  name: string | null;
  status: SubscriberStatus;
  created_at: string;
  updated_at: string;
}

export interface FetchRecordRow {
  url: string;
  final_url: string;
  etag: string | null;
  last_modified: string | null;
  content_type: string;
  body: string;
  fetched_at: string;
}

export interface EditionRow {
  id: string;
  slot: string | null;
  status: EditionStatus;
  subject: string;
  payload: string;
  created_at: string;
  finished_at: string | null;
}

/** Maps a subscribers row to the model. */
export const toSubscriber = (r: SubscriberRow): Subscriber => ({
  id: r.id,
  email: r.email,
  name: r.name,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Maps an editions row to the model (the edition itself is kept as JSON). */
export const toEdition = (r: EditionRow): EditionRecord => ({
  id: r.id,
  slot: r.slot,
  status: r.status,
  subject: r.subject,
  edition: JSON.parse(r.payload) as Edition,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
});

/** Maps a fetch_records row to the model. */
export const toFetchRecord = (row: FetchRecordRow): FetchRecord => ({
  url: row.url,
  finalUrl: row.final_url,
  etag: row.etag,
  lastModified: row.last_modified,
  contentType: row.content_type,
  body: row.body,
  fetchedAt: row.fetched_at,
});
