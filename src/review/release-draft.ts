import { applyDraftEdits } from '../compose/apply-draft-edits.ts';
import type { DeliverOptions, DeliveryReport } from '../deliver/deliver-edition.ts';
import { deliverRendered, openRendered, type PipelineContext, renderOptions } from '../pipeline.ts';
import { renderEdition } from '../render/render-edition.ts';
import type { DraftRecord } from '../store/drafts.ts';

/** What releaseDraft did. */
export type Released =
  | { kind: 'sent'; report: DeliveryReport }
  /** Its edition was recorded already (by an earlier run that stopped): resuming finishes it. */
  | { kind: 'recorded'; editionId: string }
  /** Not approved (with approvedOnly), or already sent: nothing was done. */
  | { kind: 'not-claimed'; draft: DraftRecord | null };

/**
 * Sends a draft: claims it (one run wins however many try at once), lays its corrections over
 * the frozen edition, renders it on the send path and records the edition under the draft's id
 * and slot, then delivers it. A draft left "sending" by a stopped run is taken up again; its
 * edition's unique id keeps it to one edition.
 */
export async function releaseDraft(
  ctx: PipelineContext,
  draft: DraftRecord,
  options: {
    approvedOnly: boolean;
    /** Who sends it, for the audit log; default the worker. */
    actor?: string;
    deliver?: DeliverOptions;
    onCreated?: (editionId: string) => void;
  },
): Promise<Released> {
  const claimed =
    draft.status === 'sending'
      ? draft
      : await ctx.store.drafts.claim(draft.id, { approvedOnly: options.approvedOnly });
  if (!claimed) return { kind: 'not-claimed', draft: await ctx.store.drafts.get(draft.id) };
  // The corrections are read after the claim: none can be saved once the draft is "sending".
  const edition = applyDraftEdits(claimed.edition, await ctx.store.drafts.edits(claimed.id));
  const rendered = await renderEdition(edition, renderOptions(ctx.config, ctx.secret));
  // Its articles were reserved when the draft was made (dropped ones stay out for good).
  const opened = await openRendered(ctx, rendered, { slot: claimed.slot, articleIds: [] });
  await ctx.store.drafts.markSent(claimed.id);
  if (!opened) return { kind: 'recorded', editionId: claimed.id };
  await ctx.store.audit.record({
    actor: options.actor ?? 'worker',
    action: 'draft.send',
    target: claimed.id,
    detail: { slot: claimed.slot },
  });
  options.onCreated?.(claimed.id);
  return { kind: 'sent', report: await deliverRendered(ctx, rendered, options.deliver) };
}
