import type { DeliveryReport } from '../deliver/deliver-edition.ts';
import type { Logger } from '../log.ts';
import type { Article } from '../models/article.ts';
import {
  buildMessage,
  mailDomain,
  type PipelineContext,
  type PreparedEdition,
  prepareNextEdition,
  resumeEditions,
  sendEdition,
} from '../pipeline.ts';
import type { DraftRecord } from '../store/drafts.ts';
import type { EditionProgress } from '../store/store.ts';
import { type LeaseOptions, makeHolderName, withLease } from './lease.ts';
import { finishRun, repairEdition } from './repair-runs.ts';
import { type ReviewRunOptions, runReviewed } from './review-runs.ts';
import { type SourceFailure, type SourcesRead, trackSources } from './source-reads.ts';

/** Options of createEditionRunner. */
export interface EditionRunnerOptions {
  /**
   * Reads the configured sources anew for each run: the articles, or the articles and the
   * sources that failed (the run's answer then names them, `unread`).
   */
  loadSources: () => Promise<Article[] | SourcesRead>;
  logger: Logger;
  /** Names this runner in the lease. Default host:pid:random. */
  holder?: string;
  lease?: LeaseOptions;
  /** Stop taking work when aborted (SIGTERM): sends in flight finish, claimed ones go back to the queue. */
  signal?: AbortSignal;
}

/** One run: a scheduled slot, a manual send, a dry run or a test send. */
export interface RunRequest {
  /** The schedule slot (ISO time); a slot gets one edition however many workers fire it. null = manual. */
  slot?: string | null;
  /** The edition's clock. Default now. */
  now?: Date;
  /** The articles. Default: the configured sources. */
  articles?: Article[];
  /** Compose and render, count the recipients, send and record nothing. */
  dryRun?: boolean;
  /** Send the edition to this address only: a test send, recorded nowhere. */
  to?: { email: string; name: string | null };
  /** Caps the recipients (the first active subscribers). */
  limit?: number;
  /** Only finish unfinished editions. */
  resumeOnly?: boolean;
  /** Resume editions paused for failures too (`send --resume`: the operator says the cause is fixed). */
  includePaused?: boolean;
  /** Told the new edition's id once it is recorded, before delivery, with the sources that could not be read. */
  onCreated?: (editionId: string, unread?: SourceFailure[]) => void;
  /**
   * Aborted when whoever asked went away unanswered (an HTTP caller): an edition not recorded
   * yet is then not recorded, and nothing is sent. Once recorded, the run goes on.
   */
  cancel?: AbortSignal;
  onProgress?: (progress: EditionProgress) => void;
  /**
   * Whether the edition stops as a draft for an editor. Default: DIGEST_REVIEW. false = send
   * at once (`send --now --no-review`).
   */
  review?: boolean;
  /** Send this approved draft now (`drafts approve --send-now`, the desk's "approve and send now"). */
  draftId?: string;
  /** The review tick: send the approved drafts that are due, and make the draft for `draftFor`. */
  tick?: { draftFor: string | null };
  /** Who asked, for the audit log: `USER@cli`, an account's address, `ops-api`. Default `worker`. */
  actor?: string;
  /**
   * The edition id of the dry run the person saw (the desk's Send now). The run reads the
   * sources, and before it records anything checks that they make that very edition; when they
   * do not, it records and sends nothing and answers `changed` with the new dry run.
   */
  expectEditionId?: string;
}

/** What a dry run or a test send would send. */
export interface EditionPlan {
  editionId: string;
  subject: string;
  articles: number;
  recipients: number;
  /** The articles' headlines and addresses, in the edition's order (for the desk's dry run). */
  titles: { title: string; url: string | null }[];
}

/**
 * busy: another run holds the lease; planned: a dry run (plan null = nothing new); ran:
 * deliveries. `unread`: the sources this run could not read, and why (absent when all were read).
 */
export type RunResult =
  /** cancelled: the run holding this runner was cancelled (its caller went away) and is still finishing. */
  (
    | { kind: 'busy'; holder: string | null; cancelled?: boolean }
    | { kind: 'planned'; plan: EditionPlan | null }
    | { kind: 'test-sent'; plan: EditionPlan | null; to: string }
    | { kind: 'ran'; reports: DeliveryReport[]; editionId: string | null }
    /** Review: the edition stopped as a draft (draft null = nothing new; created false = it existed). */
    | { kind: 'drafted'; reports: DeliveryReport[]; draft: DraftRecord | null; created: boolean }
    /** Review: the slot's draft was not approved and is held. */
    | { kind: 'held'; reports: DeliveryReport[]; draftId: string }
    /** The draft asked for is not approved, or was sent already (draft null = no such draft). */
    | { kind: 'not-sendable'; reports: DeliveryReport[]; draft: DraftRecord | null }
    /** expectEditionId: the sources make another edition now (plan null = nothing new); nothing was recorded. */
    | { kind: 'changed'; reports: DeliveryReport[]; plan: EditionPlan | null }
  ) & { unread?: SourceFailure[] };

/** Runs editions one at a time across every process sharing the store. */
export interface EditionRunner {
  run(request: RunRequest): Promise<RunResult>;
  /** Failed deliveries of the edition back to the queue, then delivers them; onStarted once under way. */
  retryFailed(
    editionId: string,
    onProgress?: (p: EditionProgress) => void,
    onStarted?: () => void,
  ): Promise<RunResult>;
  /** Delivers the rest of one paused edition (the operator says the cause is fixed). */
  resumeEdition(editionId: string, onStarted?: () => void): Promise<RunResult>;
  /** True while a run of this runner goes on. */
  readonly busy: boolean;
  /** Resolves when the run in progress (if any) has ended. */
  idle(): Promise<void>;
}

/**
 * The one path every edition run takes (worker slots, CLI sends, the ops API): under the run
 * lease, so that two runs never overlap, in this process or another one on the same database.
 */
export function createEditionRunner(ctx: PipelineContext, options: EditionRunnerOptions): EditionRunner {
  const holder = options.holder ?? makeHolderName();
  let current: Promise<RunResult> | null = null;
  // The cancel signal of the run in progress: a busy answer says when that run was cancelled.
  let currentCancel: AbortSignal | undefined;
  const exclusive = (
    work: (signal: AbortSignal, lost: AbortSignal) => Promise<RunResult>,
    cancel?: AbortSignal,
  ) => {
    if (current) {
      const cancelled = currentCancel?.aborted === true ? { cancelled: true } : {};
      return Promise.resolve<RunResult>({ kind: 'busy', holder, ...cancelled });
    }
    currentCancel = cancel;
    const run = withLease(
      ctx.store,
      holder,
      options.logger,
      (lost) => work(options.signal ? AbortSignal.any([lost, options.signal]) : lost, lost),
      options.lease,
    ).then((o): RunResult => (o.acquired ? o.value : { kind: 'busy', holder: o.holder }));
    current = run.finally(() => {
      current = null;
      currentCancel = undefined;
    });
    return current;
  };
  return {
    run: async (request) => {
      // Each run's own reads: its answer says which source failed, not just "nothing new".
      const sources = trackSources(options.loadSources);
      const own = { logger: options.logger, loadSources: sources.load };
      // An edition made while a source failed is under way before the run ends: tell its caller now.
      const told = request.onCreated;
      const asked = told ? { ...request, onCreated: (id: string) => told(id, sources.failures()) } : request;
      const result = await (asked.dryRun || asked.to
        ? preview(ctx, own, asked)
        : exclusive((signal, lost) => runEditions(ctx, own, asked, signal, lost), asked.cancel));
      const unread = sources.failures();
      return unread.length > 0 ? { ...result, unread } : result;
    },
    retryFailed: (editionId, onProgress, onStarted) =>
      exclusive((signal, lost) =>
        repairEdition(ctx, options.logger, { editionId, kind: 'retry', signal, lost, onProgress, onStarted }),
      ),
    resumeEdition: (editionId, onStarted) =>
      exclusive((signal, lost) =>
        repairEdition(ctx, options.logger, { editionId, kind: 'resume', signal, lost, onStarted }),
      ),
    get busy() {
      return current !== null;
    },
    idle: async () => {
      await current?.catch(() => undefined);
    },
  };
}

async function runEditions(
  ctx: PipelineContext,
  options: ReviewRunOptions,
  asked: RunRequest,
  signal: AbortSignal,
  lost: AbortSignal,
): Promise<RunResult> {
  let request = asked;
  const deliver = { signal, ...(request.onProgress ? { onProgress: request.onProgress } : {}) };
  // Paused editions only on request: a worker restart must not retry what failed on its own.
  const reports = await resumeEditions(ctx, deliver, { includePaused: request.includePaused === true });
  const review = request.review ?? ctx.config.reviewRequired;
  const reviewed =
    request.draftId !== undefined || request.tick !== undefined || (review && !request.resumeOnly);
  let result: RunResult = { kind: 'ran', reports, editionId: null };
  // The edition checked is the one recorded and sent, as it was prepared: not prepared again.
  let checked: PreparedEdition | undefined;
  if (request.expectEditionId !== undefined && !request.resumeOnly && !signal.aborted) {
    const check = await checkExpected(ctx, options, request, request.expectEditionId);
    if (check.kind === 'changed') {
      await finishRun(ctx, reports, lost);
      return { kind: 'changed', reports, plan: check.plan };
    }
    checked = check.prepared;
    // The very articles read and clock checked, for any path that reads them.
    request = { ...request, articles: check.articles, now: check.now };
  }
  if (reviewed && !signal.aborted) {
    result = await runReviewed(ctx, options, request, deliver, reports, checked);
  } else if (!request.resumeOnly && !signal.aborted) {
    let editionId: string | null = null;
    const audits: Promise<void>[] = [];
    const articles = checked ?? request.articles ?? (await options.loadSources());
    const report = await sendEdition(ctx, articles, {
      ...(request.now ? { now: request.now } : {}),
      slot: request.slot ?? null,
      deliver,
      ...(request.limit === undefined ? {} : { limit: request.limit }),
      ...(request.cancel ? { cancel: request.cancel } : {}),
      onCreated: (id) => {
        editionId = id;
        // Written as it starts (the delivery may take hours); awaited before the run ends.
        audits.push(
          ctx.store.audit.record({ actor: request.actor ?? 'worker', action: 'edition.send', target: id }),
        );
        request.onCreated?.(id);
      },
    });
    if (report) reports.push(report);
    await Promise.all(audits);
    result = { kind: 'ran', reports, editionId };
  }
  await finishRun(ctx, 'reports' in result ? result.reports : reports, lost);
  return result;
}

/**
 * Reads the sources once and prepares their edition (under the lease: no other run records
 * an edition in between); `same` when it is the expected edition, with that preparation,
 * which the run records and sends as it is.
 */
async function checkExpected(
  ctx: PipelineContext,
  options: ReviewRunOptions,
  request: RunRequest,
  expected: string,
): Promise<
  | { kind: 'same'; prepared: PreparedEdition; articles: Article[]; now: Date }
  | { kind: 'changed'; plan: EditionPlan | null }
> {
  const articles = request.articles ?? (await options.loadSources());
  const now = request.now ?? new Date();
  const prepared = await prepareNextEdition(ctx, articles, now);
  if (prepared && prepared.rendered.edition.id === expected) return { kind: 'same', prepared, articles, now };
  const plan = await planOf(ctx, prepared, request);
  options.logger.info(
    { expected, found: plan?.editionId ?? null },
    `the sources changed since the dry run ${expected}: not recording or sending`,
  );
  return { kind: 'changed', plan };
}

/** A dry run or a test send: the real composition and rendering (a send's), nothing recorded. */
async function preview(
  ctx: PipelineContext,
  options: ReviewRunOptions,
  request: RunRequest,
): Promise<RunResult> {
  const articles = request.articles ?? (await options.loadSources());
  // The same choice and preparation as sendEdition (unseen, capped at DIGEST_MAX_ARTICLES): a dry run tells the truth.
  const prepared = await prepareNextEdition(ctx, articles, request.now ?? new Date());
  const plan = await planOf(ctx, prepared, request);
  if (request.dryRun || !request.to) return { kind: 'planned', plan };
  if (!prepared) return { kind: 'test-sent', plan: null, to: request.to.email };
  const { rendered } = prepared;
  // A distinct Message-ID per test send: it is not the edition's delivery to anyone.
  const messageId = `<${rendered.edition.id}.test-${Date.now()}@${mailDomain(ctx.config.mailFrom)}>`;
  await ctx.mailer.send(buildMessage(rendered, { ...request.to, messageId }, ctx.config, ctx.secret));
  options.logger.info({ editionId: rendered.edition.id, to: request.to.email }, 'test copy sent');
  return { kind: 'test-sent', plan, to: request.to.email };
}

/** What a prepared edition would send: its subject, articles and recipients. */
async function planOf(
  ctx: PipelineContext,
  prepared: PreparedEdition | null,
  request: RunRequest,
): Promise<EditionPlan | null> {
  if (!prepared) return null;
  const { rendered } = prepared;
  const active = await ctx.store.countSubscribers('active');
  return {
    editionId: rendered.edition.id,
    subject: rendered.subject,
    articles: prepared.articles.length,
    recipients: request.to ? 1 : Math.min(active, request.limit ?? active),
    titles: rendered.edition.items.map((i) => ({ title: i.analysis.title, url: i.url })),
  };
}
