import type { Notifier } from './alerts/notifier.ts';
import { type AnalyzeOptions, analyzeArticle } from './analyze/index.ts';
import { type AnalyzedArticle, composeEdition } from './compose/edition.ts';
import { type Config, mailDomain } from './config.ts';

export { mailDomain } from './config.ts';

import { verpAddress } from './bounces/verp.ts';
import {
  type DeliverOptions,
  type DeliveryReport,
  deliverEdition,
  type Mailer,
} from './deliver/deliver-edition.ts';
import { deliverThroughQueue } from './deliver/queue/await-edition.ts';
import type { DeliveryQueue } from './deliver/queue/delivery-queue.ts';
import { signUnsubscribeToken } from './deliver/unsubscribe-token.ts';

export { resolveUnsubscribeSecret } from './deliver/unsubscribe-token.ts';

import type { Article } from './models/article.ts';
import type { Edition } from './models/edition.ts';
import type { OutgoingMessage } from './models/message.ts';
import {
  oneLine,
  personalize,
  type RenderEditionOptions,
  type RenderedEdition,
  renderEdition,
} from './render/render-edition.ts';
import type { ClaimedDelivery, DigestStore, EditionRecord } from './store/store.ts';

/** What the pipeline needs from the outside: passed in, so tests swap real parts. */
export interface PipelineContext {
  config: Readonly<Config>;
  store: DigestStore;
  mailer: Mailer;
  /** The unsubscribe signing secret (see resolveUnsubscribeSecret). */
  secret: string;
  log: (line: string) => void;
  /** Set (REDIS_URL): editions fan out into queue jobs for sender processes instead of sending here. */
  queue?: DeliveryQueue;
  /** Mails editors and alerts ops; absent = nobody is told (tests, one-off commands). */
  notifier?: Notifier;
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
  secret?: string,
): Promise<RenderedEdition> {
  const edition = composeEdition(analyzeArticles(articles, { today: now.toISOString().slice(0, 10) }), {
    now,
    timeZone: config.timeZone,
    newsletterName: config.newsletterName,
  });
  return renderEdition(edition, renderOptions(config, secret));
}

/**
 * What renderEdition needs from the configuration. The secret signs add-to-calendar links
 * (the server's /calendar route checks them); without one (and no UNSUBSCRIBE_SECRET) the
 * digest offers Google Calendar links and the attached .ics only.
 */
export function renderOptions(config: Readonly<Config>, secret?: string): RenderEditionOptions {
  const key = secret ?? config.unsubscribeSecret;
  return {
    postalAddress: config.postalAddress,
    ...(key ? { calendarLinks: { baseUrl: config.publicUrl, secret: key } } : {}),
    ...(config.archive === 'public' ? { archiveUrl: `${config.publicUrl}/archive` } : {}),
  };
}

/**
 * The web archive's copy of an edition: the same react-email render as the emails, for no
 * recipient: a greeting without a name, no unsubscribe token, a footer linking to sign-up.
 */
export async function renderArchiveCopy(
  edition: Edition,
  config: Readonly<Config>,
  secret: string,
): Promise<{ subject: string; html: string }> {
  const { archiveUrl: _ownPage, ...options } = renderOptions(config, secret);
  const subscribeUrl = `${config.publicUrl}/subscribe`;
  const archiveIndexUrl = `${config.publicUrl}/archive`;
  const rendered = await renderEdition(edition, { ...options, subscribeUrl, archiveIndexUrl });
  const copy = personalize(rendered, { name: null, unsubscribeUrl: subscribeUrl });
  return { subject: copy.subject, html: copy.html };
}

/**
 * The complete message for one recipient: personalized copy plus list headers and calendar.
 * A recorded delivery (editionId and subscriberId given) goes out from its own VERP address,
 * so its bounces name it (unless BOUNCE_VERP=false); a preview or test copy from the plain
 * bounce address.
 */
export function buildMessage(
  rendered: RenderedEdition,
  recipient: {
    email: string;
    name: string | null;
    messageId: string;
    editionId?: string;
    subscriberId?: number;
  },
  config: Readonly<Config>,
  secret: string,
): OutgoingMessage {
  const token = signUnsubscribeToken(recipient.email, secret);
  const unsubscribeUrl = `${config.publicUrl}/unsubscribe?token=${token}`;
  const copy = personalize(rendered, { name: recipient.name, unsubscribeUrl });
  const domain = mailDomain(config.mailFrom);
  const { editionId, subscriberId } = recipient;
  return {
    from: config.mailFrom,
    envelopeFrom:
      config.bounceVerp && editionId !== undefined && subscriberId !== undefined
        ? verpAddress(config.bounceAddress, { editionId, subscriberId }, secret)
        : config.bounceAddress,
    to: recipient.name
      ? `"${oneLine(recipient.name).replace(/["\\]/g, '')}" <${recipient.email}>`
      : recipient.email,
    subject: copy.subject,
    html: copy.html,
    text: copy.text,
    pieces: copy.pieces,
    messageId: recipient.messageId,
    date: new Date(rendered.edition.composedAt),
    headers: {
      // The mailto form carries the token too: `digest subscribers unsubscribe-mail` acts on it.
      'List-Unsubscribe': `<${unsubscribeUrl}>, <mailto:unsubscribe@${domain}?subject=unsubscribe%20${token}>`,
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

/**
 * The articles of the next edition: those no edition carried yet, at most `max`, newest by
 * publication date (undated count as new); older ones beyond the cap are not marked seen, so
 * they wait for the next edition. The chosen keep their source order.
 */
export async function selectFreshArticles(
  store: Pick<DigestStore, 'filterUnseenArticles'>,
  articles: Article[],
  max: number,
): Promise<{ fresh: Article[]; held: number }> {
  const unseen = new Set(await store.filterUnseenArticles(articles.map((a) => a.id)));
  const candidates = articles.filter((a) => unseen.has(a.id));
  if (candidates.length <= max) return { fresh: candidates, held: 0 };
  const newest = new Set(
    [...candidates]
      .sort((a, b) => (b.publishedAt ?? '9999').localeCompare(a.publishedAt ?? '9999'))
      .slice(0, max),
  );
  return { fresh: candidates.filter((a) => newest.has(a)), held: candidates.length - max };
}

/** The next edition, analysed, composed and rendered: what a send records and delivers. */
export interface PreparedEdition {
  /** The articles it carries (see selectFreshArticles), in source order. */
  articles: Article[];
  /** Unseen articles beyond DIGEST_MAX_ARTICLES, left for the next edition. */
  held: number;
  rendered: RenderedEdition;
}

/**
 * Chooses the next edition's articles and prepares it (prepareEdition, signed with the
 * context's secret as a send is); null when no article is new. One log line each, with the
 * time it took: the analysis and rendering are most of a run's time under the lease.
 */
export async function prepareNextEdition(
  ctx: PipelineContext,
  articles: Article[],
  now: Date = new Date(),
): Promise<PreparedEdition | null> {
  const { fresh, held } = await selectFreshArticles(ctx.store, articles, ctx.config.maxArticles);
  if (fresh.length === 0) return null;
  const started = performance.now();
  const rendered = await prepareEdition(fresh, ctx.config, now, ctx.secret);
  const ms = Math.round(performance.now() - started);
  ctx.log(`edition ${rendered.edition.id} prepared: ${fresh.length} article(s) in ${ms} ms`);
  return { articles: fresh, held, rendered };
}

/**
 * Makes an edition of the articles no edition carried yet and delivers it to every active
 * subscriber. Given an edition prepareNextEdition made (a run that checked it first), that
 * very edition is recorded and sent, byte for byte, without preparing it again. Returns null
 * when nothing is new (or the slot already has its edition).
 */
export async function sendEdition(
  ctx: PipelineContext,
  articles: Article[] | PreparedEdition,
  options: {
    /** The edition's clock, for articles (a prepared edition has its own). Default now. */
    now?: Date;
    slot?: string | null;
    deliver?: DeliverOptions;
    /** Caps the recipients (the first active subscribers); default all. */
    limit?: number;
    /** Told the edition id once it is recorded and queued, before delivery starts. */
    onCreated?: (editionId: string) => void;
    /** Aborted (the caller went away): nothing is recorded, nothing sent. */
    cancel?: AbortSignal;
  } = {},
): Promise<DeliveryReport | null> {
  const prepared = Array.isArray(articles) ? await prepareNextEdition(ctx, articles, options.now) : articles;
  if (!prepared) {
    ctx.log('no new articles among the sources read: no edition');
    return null;
  }
  const { rendered, held } = prepared;
  if (held > 0) ctx.log(`${held} older new article(s) wait for the next edition (DIGEST_MAX_ARTICLES)`);
  if (options.cancel?.aborted) {
    ctx.log('whoever asked for this edition went away before it was recorded: not recording or sending it');
    return null;
  }
  const opened = await openRendered(ctx, rendered, {
    slot: options.slot ?? null,
    articleIds: prepared.articles.map((a) => a.id),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  });
  if (!opened) return null;
  options.onCreated?.(rendered.edition.id);
  return deliverRendered(ctx, rendered, options.deliver);
}

/**
 * Records a rendered edition with its outbox (one transaction: a crash never leaves an edition
 * recorded with its outbox half made) and marks its articles seen. false, with a log line,
 * when the edition or its slot exists already (another worker fired it).
 */
export async function openRendered(
  ctx: PipelineContext,
  rendered: RenderedEdition,
  options: { slot: string | null; articleIds: string[]; limit?: number },
): Promise<boolean> {
  const { edition } = rendered;
  const { created, queued } = await ctx.store.openEdition({
    edition,
    subject: rendered.subject,
    slot: options.slot,
    articleIds: options.articleIds,
    messageIdDomain: mailDomain(ctx.config.mailFrom),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  });
  if (!created) {
    ctx.log(`edition for slot ${options.slot ?? edition.id} exists already: not sending twice`);
    return false;
  }
  ctx.log(`edition ${edition.id}: ${edition.items.length} article(s), ${queued} recipient(s)`);
  return true;
}

/**
 * Finishes every edition left unfinished (after a crash or a stop); with includePaused, also
 * those paused for failures (`digest send --resume`: the operator says the cause is fixed).
 */
export async function resumeEditions(
  ctx: PipelineContext,
  deliver?: DeliverOptions,
  options: { includePaused?: boolean } = {},
): Promise<DeliveryReport[]> {
  const reports: DeliveryReport[] = [];
  for (const record of await ctx.store.unfinishedEditions(options)) {
    // Say what the stopped run left: a crash, a kill or a full disk leaves no other trace.
    const p = await ctx.store.editionProgress(record.id);
    const inFlight =
      p.sending > 0
        ? `; ${p.sending} were in flight when it stopped and go again (they may arrive twice)`
        : '';
    ctx.log(
      `resuming edition ${record.id} (${record.status}): ${p.sent} of ${p.total} sent before the last run stopped, ${p.queued + p.sending} to send${inFlight}`,
    );
    reports.push(await deliverRecorded(ctx, record, deliver));
  }
  return reports;
}

/** Renders a recorded edition again and drains its outbox (resume, retry of failed deliveries). */
export async function deliverRecorded(
  ctx: PipelineContext,
  record: EditionRecord,
  deliver?: DeliverOptions,
): Promise<DeliveryReport> {
  const rendered = await renderEdition(record.edition, renderOptions(ctx.config, ctx.secret));
  return deliverRendered(ctx, rendered, deliver);
}

/**
 * Addresses that get mail only from the dev inbox once SMTP_URL names a real relay: the one
 * DEMO_SUBSCRIBER names now (the store skips those the demo added, whatever it named then).
 */
export function devInboxOnlyAddresses(config: Readonly<Config>): string[] {
  if (config.smtpUrl === null) return [];
  const demo = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(config.demoSubscriber)?.[1] ?? config.demoSubscriber.trim();
  return demo.includes('@') ? [demo] : [];
}

const DEMO_NOTE = 'DEMO_SUBSCRIBER, or added by the dev-inbox demo';

/** Drains a recorded edition's outbox: here, or through the queue's senders (REDIS_URL). */
export async function deliverRendered(
  ctx: PipelineContext,
  rendered: RenderedEdition,
  options: DeliverOptions = {},
): Promise<DeliveryReport> {
  // Through a relay, never to the demo: DEMO_SUBSCRIBER's address, and whoever the demo added
  // under an earlier DEMO_SUBSCRIBER (their history says `demo`).
  const skipped =
    ctx.config.smtpUrl === null
      ? 0
      : await ctx.store.skipDemoDeliveries(rendered.edition.id, devInboxOnlyAddresses(ctx.config));
  if (skipped > 0) {
    ctx.log(
      `edition ${rendered.edition.id}: skipped ${skipped} demo subscriber(s) (${DEMO_NOTE}): they get mail only from the dev inbox, and SMTP_URL is set`,
    );
  }
  // The Date header is the time of sending (a resumed edition is not dated in the past).
  const build = (d: ClaimedDelivery) => ({
    ...buildMessage(rendered, d, ctx.config, ctx.secret),
    date: new Date(),
  });
  const report = ctx.queue
    ? await deliverThroughQueue(ctx.store, ctx.queue, rendered.edition.id, {
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      })
    : await deliverEdition(ctx.store, ctx.mailer, rendered.edition.id, build, {
        concurrency: ctx.config.smtpPoolSize,
        maxAttempts: ctx.config.smtpMaxAttempts,
        backoffMs: ctx.config.smtpRetryBaseMs,
        pauseFailureRatio: ctx.config.smtpPauseFailureRatio,
        ...options,
      });
  const p = report.progress;
  ctx.log(
    `edition ${report.editionId} ${report.outcome}: ${p.sent} sent, ${p.failed} failed, ${p.queued} queued, ${p.skipped} skipped`,
  );
  if (report.reason) ctx.log(`edition ${report.editionId} ${report.reason}`);
  return report;
}
