import { DigestError } from '../errors.ts';
import type { DraftRecord } from '../store/drafts.ts';
import type { DigestStore } from '../store/store.ts';
import { requireDraft } from './draft-state.ts';

/**
 * Approves a draft as it stands at `revision` (default: the revision now). Approving is
 * conditional on that revision: a correction saved in between makes it a DRAFT_CONFLICT, so
 * nobody approves what they did not see. A draft whose every article was dropped cannot be
 * approved. Written to the audit log.
 */
export async function approveDraft(
  store: DigestStore,
  id: string,
  options: { actor: string; revision?: number },
): Promise<DraftRecord> {
  const state = await requireDraft(store, id);
  const revision = options.revision ?? state.record.revision;
  if (state.edition.items.length === 0) {
    throw new DigestError('DRAFT_INVALID', `draft ${id} has no article left: there is nothing to approve`);
  }
  const result = await store.drafts.approve(id, { revision, actor: options.actor });
  if (!result.ok) throw conflict(id, revision, result.reason, result.draft);
  await store.audit.record({
    actor: options.actor,
    action: 'draft.approve',
    target: id,
    detail: { revision },
  });
  return result.draft;
}

/** The error of a refused change, saying what to do. */
export function conflict(
  id: string,
  revision: number,
  reason: 'missing' | 'stale' | 'locked',
  draft: DraftRecord | null,
): DigestError {
  if (reason === 'missing') return new DigestError('DRAFT_NOT_FOUND', `no draft "${id}"`);
  if (reason === 'locked') {
    return new DigestError(
      'DRAFT_CONFLICT',
      `draft ${id} is ${draft?.status ?? 'sent'}: it can no longer change`,
    );
  }
  return new DigestError(
    'DRAFT_CONFLICT',
    `draft ${id} changed since revision ${revision} (now revision ${draft?.revision ?? '?'}): look at it again before approving or correcting`,
  );
}
