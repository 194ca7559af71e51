/**
 * Where one correction of a draft applies: one field of the frozen edition. Quotes and events
 * are addressed by their index in the frozen analysis, which never changes, so an index means
 * the same thing before and after any other correction (a removed event keeps its index).
 */
export type DraftTarget =
  | { kind: 'subject' }
  /** Whether the article stays in the edition (false = dropped). */
  | { kind: 'article'; articleId: string }
  /** The summary sentences, in order (edit, reorder and remove are one replacement). */
  | { kind: 'summary'; articleId: string }
  | { kind: 'quote'; articleId: string; index: number; field: QuoteField }
  | { kind: 'event'; articleId: string; index: number; field: EventField }
  /** Whether the event stays in the edition and its calendar (false = removed). */
  | { kind: 'event-kept'; articleId: string; index: number };

export type QuoteField = 'speaker' | 'role';
export type EventField = 'title' | 'date' | 'time' | 'location';

/** A field's value: text, null (removed), the summary's sentences, or kept/dropped. */
export type DraftValue = string | string[] | boolean | null;

/** One correction as asked for: a target and its new value. */
export interface DraftChange {
  target: DraftTarget;
  after: DraftValue;
}

/** One correction as kept: who made it, when, and the value before and after. */
export interface DraftEdit extends DraftChange {
  id: number;
  draftId: string;
  /** The draft's revision this edit produced (the first edit makes revision 1). */
  revision: number;
  /** Who: an account's address (the desk) or `USER@cli`. */
  actor: string;
  /** ISO time. */
  at: string;
  before: DraftValue;
}
