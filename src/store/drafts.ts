import type { DraftEdit, DraftTarget, DraftValue } from '../models/draft.ts';
import type { Edition } from '../models/edition.ts';

/**
 * pending: waiting for an editor (held too, once its slot passed: see heldAt); approved: goes
 * at its slot; sending: claimed by the run that opens its edition; sent: its edition exists.
 */
export type DraftStatus = 'pending' | 'approved' | 'sending' | 'sent';

/** One draft: an edition stopped between render and delivery, with its frozen analysis. */
export interface DraftRecord {
  /** The id its edition will have. */
  id: string;
  /** The schedule slot it is for; null = made by a manual send. */
  slot: string | null;
  status: DraftStatus;
  /** How many corrections were saved: every save makes a new revision (0 = as composed). */
  revision: number;
  /** The subject as corrected (kept for lists; the send renders it again). */
  subject: string;
  /** The edition as composed: articles chosen, analysis frozen. Corrections lie over it. */
  edition: Edition;
  createdAt: string;
  /** The revision that was approved; null when not approved (a correction withdraws approval). */
  approvedRevision: number | null;
  approvedBy: string | null;
  approvedAt: string | null;
  /** When its slot passed without approval; null when not held. */
  heldAt: string | null;
  sentAt: string | null;
}

/** What creating a draft records. */
export interface NewDraft {
  edition: Edition;
  subject: string;
  slot: string | null;
  /** The articles it carries: reserved (remembered as seen) so no other edition takes them. */
  articleIds: string[];
}

/** One correction to record: its value is computed by the caller against a known revision. */
export interface NewDraftEdit {
  target: DraftTarget;
  before: DraftValue;
  after: DraftValue;
}

/**
 * A conditional change's outcome. missing: no such draft; stale: the draft's revision is not
 * the one given (someone saved in between); locked: it is being sent or was sent.
 */
export type DraftUpdate =
  | { ok: true; draft: DraftRecord }
  | { ok: false; reason: 'missing' | 'stale' | 'locked'; draft: DraftRecord | null };

/**
 * Drafts and their corrections (store.drafts). Every change is conditional on the state it was
 * decided on, in one statement or transaction: two editors approving at once approve once,
 * a correction saved after an approval withdraws it, and only one run claims a draft to send.
 */
export interface DraftStore {
  /**
   * Records a draft and reserves its articles in one transaction. false (and nothing changes)
   * when the id or the slot already has a draft, or the slot already has an edition.
   */
  create(draft: NewDraft): Promise<boolean>;
  get(id: string): Promise<DraftRecord | null>;
  forSlot(slot: string): Promise<DraftRecord | null>;
  /** The newest drafts first. */
  list(limit: number): Promise<DraftRecord[]>;
  /** The draft's corrections, oldest first. */
  edits(id: string): Promise<DraftEdit[]>;
  /**
   * Saves corrections made against `revision` as the next revision, withdrawing any approval.
   * Refused (stale) when the draft has moved on since, (locked) once it is being sent.
   */
  addEdits(
    id: string,
    input: { revision: number; actor: string; subject: string; edits: NewDraftEdit[] },
  ): Promise<DraftUpdate>;
  /** Approves `revision`; approving the approved revision again (even once sending) succeeds and changes nothing. */
  approve(id: string, input: { revision: number; actor: string }): Promise<DraftUpdate>;
  /** Marks a pending draft held (its slot passed unapproved); false when it was not pending or held already. */
  hold(id: string, at: Date): Promise<boolean>;
  /** Moves the draft to "sending" when approved (or pending too, with approvedOnly false); null otherwise. */
  claim(id: string, options: { approvedOnly: boolean }): Promise<DraftRecord | null>;
  /** A claimed draft whose edition is recorded becomes "sent". */
  markSent(id: string): Promise<void>;
  /**
   * Drafts to send now: approved ones that are manual, held, or past their slot, and those left
   * "sending" by a run that stopped before recording their edition.
   */
  due(now: Date): Promise<DraftRecord[]>;
}

/** Why a conditional change to `draft` matched nothing (see DraftUpdate). */
export function refusal(draft: DraftRecord | null): DraftUpdate {
  if (!draft) return { ok: false, reason: 'missing', draft: null };
  const locked = draft.status === 'sending' || draft.status === 'sent';
  return { ok: false, reason: locked ? 'locked' : 'stale', draft };
}

/** A drafts row, as both SQL dialects return it. */
export interface DraftRow {
  id: string;
  slot: string | null;
  status: DraftStatus;
  revision: number;
  subject: string;
  payload: string;
  created_at: string;
  approved_revision: number | null;
  approved_by: string | null;
  approved_at: string | null;
  held_at: string | null;
  sent_at: string | null;
}

/** A draft_edits row. */
export interface DraftEditRow {
  id: number;
  draft_id: string;
  revision: number;
  actor: string;
  at: string;
  target: string;
  before_value: string;
  after_value: string;
}

/** Maps a drafts row to the model. */
export const toDraft = (r: DraftRow): DraftRecord => ({
  id: r.id,
  slot: r.slot,
  status: r.status,
  revision: Number(r.revision),
  subject: r.subject,
  edition: JSON.parse(r.payload) as Edition,
  createdAt: r.created_at,
  approvedRevision: r.approved_revision === null ? null : Number(r.approved_revision),
  approvedBy: r.approved_by,
  approvedAt: r.approved_at,
  heldAt: r.held_at,
  sentAt: r.sent_at,
});

/** Maps a draft_edits row to the model. */
export const toDraftEdit = (r: DraftEditRow): DraftEdit => ({
  id: Number(r.id),
  draftId: r.draft_id,
  revision: Number(r.revision),
  actor: r.actor,
  at: r.at,
  target: JSON.parse(r.target) as DraftTarget,
  before: JSON.parse(r.before_value) as DraftValue,
  after: JSON.parse(r.after_value) as DraftValue,
});

/** An instant as slots are written (`2026-01-06T07:00:00Z`), so the two compare as text. */
export function asSlotText(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
