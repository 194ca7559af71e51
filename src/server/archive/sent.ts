import type { EditionRecord } from '../../store/store.ts';

/**
 * Whether an edition went out (in part, for a paused one), so the archive shows it. Any
 * other status (a draft waiting for review, say) is not public.
 */
export function isSentEdition(record: Pick<EditionRecord, 'status'>): boolean {
  return record.status === 'sending' || record.status === 'done' || record.status === 'paused';
}
