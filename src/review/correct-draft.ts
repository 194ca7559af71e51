import { isDeepStrictEqual } from 'node:util';
import { applyDraftEdits, currentValue } from '../compose/apply-draft-edits.ts';
import { parseDraftChange } from '../compose/draft-change.ts';
import { DigestError } from '../errors.ts';
import type { DraftChange } from '../models/draft.ts';
import { editionSubject } from '../render/render-edition.ts';
import type { NewDraftEdit } from '../store/drafts.ts';
import type { DigestStore } from '../store/store.ts';
import { conflict } from './approve-draft.ts';
import { type DraftState, requireDraft } from './draft-state.ts';

/** Most corrections one save may carry. */
export const MAX_CHANGES_PER_SAVE = 100;

/**
 * Saves corrections to a draft, made by `actor` on the draft as it was at `revision`. Each is
 * read strictly (see parseDraftChange); one that changes nothing is left out. All are saved as
 * one new revision, with the value before and after each, or none is (a bad one, or a draft
 * that moved on since `revision`, refuses the whole save). A saved correction withdraws an
 * approval (`withdrew` says whether there was one). Written to the audit log.
 */
export async function correctDraft(
  store: DigestStore,
  id: string,
  input: { actor: string; revision: number; changes: unknown[] },
): Promise<{ state: DraftState; saved: number; withdrew: boolean }> {
  if (input.changes.length > MAX_CHANGES_PER_SAVE) {
    throw new DigestError('DRAFT_INVALID', `at most ${MAX_CHANGES_PER_SAVE} corrections per save`);
  }
  const state = await requireDraft(store, id);
  const { record } = state;
  if (record.revision !== input.revision) throw conflict(id, input.revision, 'stale', record);
  const frozen = record.edition;
  const applied: DraftChange[] = [...state.edits];
  const edits: NewDraftEdit[] = [];
  for (const raw of input.changes) {
    const change = parseDraftChange(frozen, raw);
    // The subject made from the template is frozen as null; the record keeps what it was.
    const value = currentValue(frozen, applied, change.target) ?? null;
    const before = change.target.kind === 'subject' && value === null ? record.subject : value;
    if (isDeepStrictEqual(before, change.after)) continue;
    applied.push(change);
    edits.push({ target: change.target, before, after: change.after });
  }
  if (edits.length === 0) return { state, saved: 0, withdrew: false };
  const subject = editionSubject(applyDraftEdits(frozen, applied));
  const result = await store.drafts.addEdits(id, {
    revision: input.revision,
    actor: input.actor,
    subject,
    edits,
  });
  if (!result.ok) throw conflict(id, input.revision, result.reason, result.draft);
  await store.audit.record({
    actor: input.actor,
    action: 'draft.correct',
    target: id,
    detail: { revision: result.draft.revision, corrections: edits.length },
  });
  const saved = await requireDraft(store, id);
  return { state: saved, saved: edits.length, withdrew: record.status === 'approved' };
}
