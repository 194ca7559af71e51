import { applyDraftEdits } from '../compose/apply-draft-edits.ts';
import { DigestError } from '../errors.ts';
import type { DraftEdit } from '../models/draft.ts';
import type { Edition } from '../models/edition.ts';
import type { DraftRecord } from '../store/drafts.ts';
import type { DigestStore } from '../store/store.ts';

/** A draft as it stands: the record, its corrections, and the edition they make. */
export interface DraftState {
  record: DraftRecord;
  edits: DraftEdit[];
  /** The frozen edition with the corrections laid over it: what subscribers would get. */
  edition: Edition;
}

/** The draft and its corrections, or null when there is no such draft. */
export async function loadDraft(store: DigestStore, id: string): Promise<DraftState | null> {
  const record = await store.drafts.get(id);
  if (!record) return null;
  const edits = await store.drafts.edits(id);
  return { record, edits, edition: applyDraftEdits(record.edition, edits) };
}

/** loadDraft, or a DRAFT_NOT_FOUND error naming the id. */
export async function requireDraft(store: DigestStore, id: string): Promise<DraftState> {
  const state = await loadDraft(store, id);
  if (!state) throw new DigestError('DRAFT_NOT_FOUND', `no draft "${id}" (see \`digest drafts list\`)`);
  return state;
}

/** Where a draft is reviewed on the desk. */
export function draftUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/desk/drafts/${encodeURIComponent(id)}`;
}

/** "held", "approved", …: the status people see (a pending draft whose slot passed is held). */
export function draftLabel(record: DraftRecord): string {
  if (record.status === 'pending') return record.heldAt ? 'held' : 'awaiting approval';
  return record.status;
}
