import type { DeliverOptions, DeliveryReport } from '../deliver/deliver-edition.ts';
import type { Logger } from '../log.ts';
import type { Article } from '../models/article.ts';
import type { PipelineContext, PreparedEdition } from '../pipeline.ts';
import { sendDueDrafts } from '../review/due-drafts.ts';
import { type MadeDraft, makeDraft } from '../review/make-draft.ts';
import { releaseDraft } from '../review/release-draft.ts';
import { reviewSlot } from '../review/review-slot.ts';
import type { RunRequest, RunResult } from './runner.ts';

/** What a reviewed run needs of the runner. */
export interface ReviewRunOptions {
  logger: Logger;
  loadSources: () => Promise<Article[]>;
}

/**
 * The runs of DIGEST_REVIEW=required, and of drafts whatever the setting: send one draft now
 * (`drafts approve --send-now`), the review tick (send due drafts, make the next slot's
 * draft), a slot (its draft goes out or is held), a manual send (it makes a draft: of
 * `checked` as it is when the run prepared and checked it already).
 */
export async function runReviewed(
  ctx: PipelineContext,
  options: ReviewRunOptions,
  request: RunRequest,
  deliver: DeliverOptions,
  reports: DeliveryReport[],
  checked?: PreparedEdition,
): Promise<RunResult> {
  const articles = () => (request.articles ? Promise.resolve(request.articles) : options.loadSources());
  const actor = request.actor ?? 'worker';
  const now = request.now ? { now: request.now } : {};
  if (request.draftId) return sendDraftNow(ctx, request, request.draftId, deliver, reports);
  if (request.tick) {
    reports.push(...(await sendDueDrafts(ctx, deliver)));
    const slot = request.tick.draftFor;
    if (!slot || deliver.signal?.aborted) return { kind: 'ran', reports, editionId: null };
    return drafted(await makeDraft(ctx, await articles(), { slot, actor, ...now }), reports);
  }
  if (request.slot) {
    const review = await reviewSlot(ctx, request.slot, {
      logger: options.logger,
      articles,
      deliver,
      ...now,
      ...(request.onCreated ? { onCreated: request.onCreated } : {}),
    });
    if (review.kind === 'held') return { kind: 'held', reports, draftId: review.draft.id };
    if (review.kind === 'sent')
      return { kind: 'ran', reports: [...reports, review.report], editionId: review.editionId };
    return { kind: 'ran', reports, editionId: null };
  }
  return drafted(await makeDraft(ctx, checked ?? (await articles()), { slot: null, actor, ...now }), reports);
}

async function sendDraftNow(
  ctx: PipelineContext,
  request: RunRequest,
  id: string,
  deliver: DeliverOptions,
  reports: DeliveryReport[],
): Promise<RunResult> {
  const draft = await ctx.store.drafts.get(id);
  if (!draft) return { kind: 'not-sendable', reports, draft: null };
  const released = await releaseDraft(ctx, draft, {
    approvedOnly: true,
    ...(request.actor ? { actor: request.actor } : {}),
    deliver,
    ...(request.onCreated ? { onCreated: request.onCreated } : {}),
  });
  if (released.kind === 'sent') return { kind: 'ran', reports: [...reports, released.report], editionId: id };
  if (released.kind === 'recorded') return { kind: 'ran', reports, editionId: id };
  return { kind: 'not-sendable', reports, draft: released.draft };
}

function drafted(made: MadeDraft, reports: DeliveryReport[]): RunResult {
  if (made.kind === 'nothing-new') return { kind: 'drafted', reports, draft: null, created: false };
  return { kind: 'drafted', reports, draft: made.draft, created: made.kind === 'created' };
}
