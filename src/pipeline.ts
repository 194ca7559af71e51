import { randomBytes } from 'node:crypto';
import { type AnalyzeOptions, analyzeArticle } from './analyze/index.ts';
import { type AnalyzedArticle, composeEdition } from './compose/edition.ts';
import type { Config } from './config.ts';
import {
  type DeliverOptions,
  type DeliveryReport,
  deliverEdition,
  type Mailer,
} from './deliver/deliver-edition.ts';
import { signUnsubscribeToken } from './deliver/unsubscribe-token.ts';
import type { Article } from './models/article.ts';
import type { OutgoingMessage } from './models/message.ts';
import { oneLine, personalize, type RenderedEdition, renderEdition } from './render/render-edition.ts';
import type { ClaimedDelivery, DigestStore } from './store/store.ts';

/** What the pipeline needs from the outside: passed in, so tests swap real parts. */
export interface PipelineContext {
  config: Readonly<Config>;
  store: DigestStore;
  mailer: Mailer;
  /** The unsubscribe signing secret (see resolveUnsubscribeSecret). */
  secret: string;
  log: (line: string) => void;
}

/** Analyses articles; the edition date is the reference when an article has no publication date. */
export function analyzeArticles(articles: Article[], options: AnalyzeOptions = {}): AnalyzedArticle[] {
  return articles.map((article) => ({ article, analysis: analyzeArticle(article, options) }));
}

/** Analyse, compose and render one edition: the same path for previews, `render` and sends. */
export async function prepareEdition(
  articles: Article[],
  config: Readonly<Config>,
  now: Date = new Date(),
): Promise<RenderedEdition> {
  const edition = composeEdition(analyzeArticles(articles, { today: now.toISOString().slice(0, 10) }), {
    now,
    timeZone: config.timeZone,
    newsletterName: config.newsletterName,
  });
  return renderEdition(edition, { postalAddress: config.postalAddress });
}

/** The unsubscribe secret: from config, or generated once and kept in the store. */
export async function resolveUnsubscribeSecret(
  config: Readonly<Config>,
  store: DigestStore,
): Promise<string> {
  return (
    config.unsubscribeSecret ??
    store.setSettingIfAbsent('unsubscribe_secret', randomBytes(32).toString('hex'))
  );
}

/** The complete message for one recipient: personalized copy plus list headers and calendar. */
export function buildMessage(
  rendered: RenderedEdition,
  recipient: { email: string; name: string | null; messageId: string },
  config: Readonly<Config>,
  secret: string,
): OutgoingMessage {
  const unsubscribeUrl = `${config.publicUrl}/unsubscribe?token=${signUnsubscribeToken(recipient.email, secret)}`;
  const copy = personalize(rendered, { name: recipient.name, unsubscribeUrl });
  const domain = mailDomain(config.mailFrom);
  return {
    from: config.mailFrom,
    to: recipient.name
      ? `"${oneLine(recipient.name).replace(/["\\]/g, '')}" <${recipient.email}>`
      : recipient.email,
    subject: copy.subject,
    html: copy.html,
    text: copy.text,
    messageId: recipient.messageId,
    date: new Date(rendered.edition.composedAt),
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>, <mailto:unsubscribe@${domain}?subject=unsubscribe>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': `${oneLine(config.newsletterName).replace(/[<>"]/g, '')} <digest.${domain}>`,
    },
    attachments: rendered.calendar
      ? [
          {
            filename: 'events.ics',
            contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            content: rendered.calendar,
          },
        ]
      : [],
  };
}

/** The domain of the sender address, for Message-IDs and List-Id. */
export function mailDomain(mailFrom: string): string {
  return /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1]?.toLowerCase() ?? 'localhost';
}

/**
 * Makes an edition of the articles no edition carried yet and delivers it to every active
 * subscriber. Returns null when nothing is new (or the slot already has its edition).
 */
export async function sendEdition(
  ctx: PipelineContext,
  articles: Article[],
  options: { now?: Date; slot?: string | null; deliver?: DeliverOptions } = {},
): Promise<DeliveryReport | null> {
  const unseen = new Set(await ctx.store.filterUnseenArticles(articles.map((a) => a.id)));
  const fresh = articles.filter((a) => unseen.has(a.id));
  if (fresh.length === 0) {
    ctx.log('no new articles: no edition');
    return null;
  }
  const rendered = await prepareEdition(fresh, ctx.config, options.now);
  const { edition } = rendered;
  if (!(await ctx.store.createEdition(edition, rendered.subject, options.slot ?? null))) {
    ctx.log(`edition for slot ${options.slot ?? edition.id} exists already: not sending twice`);
    return null;
  }
  await ctx.store.markArticlesSeen(
    fresh.map((a) => a.id),
    edition.id,
  );
  const queued = await ctx.store.enqueueDeliveries(edition.id, mailDomain(ctx.config.mailFrom));
  ctx.log(`edition ${edition.id}: ${fresh.length} article(s), ${queued} recipient(s)`);
  return deliverRendered(ctx, rendered, options.deliver);
}

/** Finishes every edition left unfinished (after a crash or a stop). */
export async function resumeEditions(
  ctx: PipelineContext,
  deliver?: DeliverOptions,
): Promise<DeliveryReport[]> {
  const reports: DeliveryReport[] = [];
  for (const record of await ctx.store.unfinishedEditions()) {
    ctx.log(`resuming edition ${record.id}`);
    const rendered = await renderEdition(record.edition, { postalAddress: ctx.config.postalAddress });
    reports.push(await deliverRendered(ctx, rendered, deliver));
  }
  return reports;
}

async function deliverRendered(
  ctx: PipelineContext,
  rendered: RenderedEdition,
  options: DeliverOptions = {},
): Promise<DeliveryReport> {
  const build = (d: ClaimedDelivery) => buildMessage(rendered, d, ctx.config, ctx.secret);
  const report = await deliverEdition(ctx.store, ctx.mailer, rendered.edition.id, build, {
    concurrency: ctx.config.smtpPoolSize,
    ...options,
  });
  const p = report.progress;
  ctx.log(
    `edition ${report.editionId} ${report.outcome}: ${p.sent} sent, ${p.failed} failed, ${p.queued} queued`,
  );
  return report;
}
