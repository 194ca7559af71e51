import type { Article } from '../models/article.ts';
import { type PipelineContext, type PreparedEdition, prepareNextEdition } from '../pipeline.ts';
import type { DraftRecord } from '../store/drafts.ts';
import { draftUrl } from './draft-state.ts';

/** What makeDraft did: a new draft, the slot's existing one, or nothing (no new articles). */
export type MadeDraft =
  | { kind: 'created'; draft: DraftRecord }
  | { kind: 'exists'; draft: DraftRecord | null }
  | { kind: 'nothing-new' };

/**
 * Composes the next edition as a draft: the same choice of articles and the same render as a
 * send (so a template error stops here, not at the slot), recorded with its articles reserved
 * so no other edition takes them. The editors are mailed a link unless `tell` is false.
 * Given an edition prepareNextEdition made (a run that checked it), that very edition is the draft.
 */
export async function makeDraft(
  ctx: PipelineContext,
  articles: Article[] | PreparedEdition,
  options: { slot: string | null; now?: Date; actor: string; tell?: boolean },
): Promise<MadeDraft> {
  const prepared = Array.isArray(articles) ? await prepareNextEdition(ctx, articles, options.now) : articles;
  if (!prepared) {
    ctx.log('no new articles among the sources read: no draft');
    return { kind: 'nothing-new' };
  }
  const { articles: fresh, held, rendered } = prepared;
  if (held > 0) ctx.log(`${held} older new article(s) wait for the next edition (DIGEST_MAX_ARTICLES)`);
  const created = await ctx.store.drafts.create({
    edition: rendered.edition,
    subject: rendered.subject,
    slot: options.slot,
    articleIds: fresh.map((a) => a.id),
  });
  if (!created) {
    ctx.log(`a draft or edition for ${options.slot ?? rendered.edition.id} exists already`);
    return { kind: 'exists', draft: options.slot ? await ctx.store.drafts.forSlot(options.slot) : null };
  }
  const draft = await ctx.store.drafts.get(rendered.edition.id);
  if (!draft) throw new Error(`draft ${rendered.edition.id} vanished after it was recorded`);
  await ctx.store.audit.record({
    actor: options.actor,
    action: 'draft.create',
    target: draft.id,
    detail: { slot: draft.slot, articles: fresh.length },
  });
  const url = draftUrl(ctx.config.publicUrl, draft.id);
  ctx.log(`draft ${draft.id}: ${fresh.length} article(s), waiting for approval at ${url}`);
  if (options.tell !== false) await tellDraftReady(ctx, draft, url);
  return { kind: 'created', draft };
}

async function tellDraftReady(ctx: PipelineContext, draft: DraftRecord, url: string): Promise<void> {
  const when = draft.slot
    ? `It goes out at ${draft.slot} once approved; unapproved, it is ${ctx.config.reviewMissed === 'hold' ? 'held' : 'sent as it is'}.`
    : 'It goes out once approved.';
  const titles = draft.edition.items.map((i) => `  - ${i.analysis.title}`).join('\n');
  await ctx.notifier?.tellEditors(
    `Draft ready for review: ${draft.subject}`,
    `A draft edition is ready for review:\n\n${url}\n\n${when}\n\nArticles:\n${titles}\n\nOr from a shell: digest drafts show ${draft.id}`,
  );
}
