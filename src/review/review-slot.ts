import type { DeliverOptions, DeliveryReport } from '../deliver/deliver-edition.ts';
import type { Logger } from '../log.ts';
import type { Article } from '../models/article.ts';
import type { PipelineContext } from '../pipeline.ts';
import type { DraftRecord } from '../store/drafts.ts';
import { draftUrl, loadDraft } from './draft-state.ts';
import { makeDraft } from './make-draft.ts';
import { releaseDraft } from './release-draft.ts';

/** What a slot came to under review. */
export type SlotReview =
  | { kind: 'sent'; report: DeliveryReport; editionId: string }
  | { kind: 'held'; draft: DraftRecord }
  | { kind: 'nothing-new' }
  /** The slot's edition exists (another worker sent it, or a stopped run recorded it). */
  | { kind: 'done-already' };

/** What reviewSlot needs besides the pipeline. */
export interface SlotReviewOptions {
  logger: Logger;
  /** The articles, read only when the slot has no draft yet. */
  articles: () => Promise<Article[]>;
  now?: Date;
  deliver?: DeliverOptions;
  onCreated?: (editionId: string) => void;
}

/**
 * The slot's moment under DIGEST_REVIEW=required: its approved draft goes out; an unapproved
 * one is held (a log line, a mail to the editors, an alert to ops) or, with
 * DIGEST_REVIEW_MISSED=send, goes out as it is. A slot without a draft (the worker was down at
 * the lead time) gets one now, which nobody has approved yet.
 */
export async function reviewSlot(
  ctx: PipelineContext,
  slot: string,
  options: SlotReviewOptions,
): Promise<SlotReview> {
  let draft = await ctx.store.drafts.forSlot(slot);
  if (!draft) {
    const made = await makeDraft(ctx, await options.articles(), {
      slot,
      actor: 'worker',
      tell: false,
      ...(options.now ? { now: options.now } : {}),
    });
    if (made.kind === 'nothing-new') return made;
    if (!made.draft) return { kind: 'done-already' };
    draft = made.draft;
  }
  if (draft.status === 'sent') return { kind: 'done-already' };
  const unapproved = draft.status === 'pending';
  // An editor who dropped every article said "not this one", whatever DIGEST_REVIEW_MISSED says.
  const empty = unapproved && (await loadDraft(ctx.store, draft.id))?.edition.items.length === 0;
  if (unapproved && (ctx.config.reviewMissed === 'hold' || empty))
    return hold(ctx, draft, slot, options.logger);
  const released = await releaseDraft(ctx, draft, {
    approvedOnly: !(unapproved && ctx.config.reviewMissed === 'send'),
    ...(options.deliver ? { deliver: options.deliver } : {}),
    ...(options.onCreated ? { onCreated: options.onCreated } : {}),
  });
  if (released.kind === 'recorded') return { kind: 'done-already' };
  // Corrected between the read and the claim: the approval went with it.
  if (released.kind === 'not-claimed') return hold(ctx, released.draft ?? draft, slot, options.logger);
  if (unapproved) {
    options.logger.warn(
      { slot, draftId: draft.id },
      `slot ${slot}: draft ${draft.id} sent unapproved (DIGEST_REVIEW_MISSED=send)`,
    );
    await ctx.store.audit.record({
      actor: 'worker',
      action: 'draft.send-unapproved',
      target: draft.id,
      detail: { slot },
    });
  }
  return { kind: 'sent', report: released.report, editionId: draft.id };
}

async function hold(
  ctx: PipelineContext,
  draft: DraftRecord,
  slot: string,
  logger: Logger,
): Promise<SlotReview> {
  if (!(await ctx.store.drafts.hold(draft.id, new Date()))) return { kind: 'held', draft };
  const url = draftUrl(ctx.config.publicUrl, draft.id);
  logger.warn(
    { slot, draftId: draft.id },
    `slot ${slot}: draft ${draft.id} is not approved: held, nothing sent (DIGEST_REVIEW_MISSED=hold)`,
  );
  await ctx.store.audit.record({ actor: 'worker', action: 'draft.hold', target: draft.id, detail: { slot } });
  await ctx.notifier?.tellEditors(
    `Draft held: ${draft.subject}`,
    `The draft for ${slot} was not approved by its slot, so nothing was sent.\n\nApprove it to send it at once:\n\n${url}\n\nOr from a shell: digest drafts approve ${draft.id}`,
  );
  await ctx.notifier?.alert({ type: 'slot.missed', slot, reason: 'unapproved', draftId: draft.id });
  return { kind: 'held', draft };
}
