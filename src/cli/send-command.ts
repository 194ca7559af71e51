import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { type Config, loadConfig } from '../config.ts';
import type { DeliveryReport } from '../deliver/deliver-edition.ts';
import { DigestError } from '../errors.ts';
import { type IngestStore, loadArticles } from '../ingest/load.ts';
import type { Logger } from '../log.ts';
import { draftUrl } from '../review/draft-state.ts';
import { createEditionRunner, type RunRequest, type RunResult } from '../schedule/runner.ts';
import { type SourceFailure, type SourcesRead, unreadSources } from '../schedule/source-reads.ts';
import { summaryOf } from './commands.ts';
import { openContext } from './context.ts';
import { requireDevInbox } from './dev-inbox-check.ts';
import { refuseUnreadNamedInputs, requireNamedPaths } from './named-inputs.ts';
import { operatorName } from './operator.ts';
import { createProgress } from './progress.ts';
import { parseRecipient } from './recipient.ts';
import { parseNow } from './render-command.ts';
import { onStopSignal } from './signals.ts';

interface SendOptions {
  resume?: boolean;
  /** false with --no-review. */
  review?: boolean;
  now?: string | true;
  dryRun?: boolean;
  to?: string;
  limit?: string;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** `digest send [ARTICLE ...] [--now [ISO]] [--dry-run] [--to ADDRESS] [--limit N] [--resume]` */
export function registerSend(program: Command): void {
  program
    .command('send')
    .description(summaryOf('send'))
    .argument('[articles...]', 'article files, folders or URLs (default: DIGEST_SOURCES)')
    .option(
      '--now [iso]',
      'alone: send now rather than at the next DIGEST_CRON slot (what send always does); ' +
        'with an ISO date or time: the clock of the edition (events before it are not upcoming)',
    )
    .option(
      '--dry-run',
      'compose and render the edition and report what would be sent to how many; send nothing',
    )
    .option('--to <address>', 'send the edition to this one address only: a test send, recorded nowhere')
    .option('--limit <n>', 'send to at most N subscribers (the first N active ones)')
    .option('--resume', 'only finish editions left unfinished (paused ones too)')
    .option(
      '--no-review',
      'with DIGEST_REVIEW=required: send at once instead of making a draft for an editor',
    )
    .addHelpText(
      'after',
      '\nWith DIGEST_REVIEW=required, send makes a draft (see `digest drafts`) unless --no-review.\n' +
        'Exit status: 0 when everything was delivered (or nothing was new, or a draft was made), 1 otherwise\n' +
        '(failed, paused, stopped or another run in progress), 2 for wrong arguments. A progress bar is drawn on a terminal.',
    )
    .action(runSend);
}

async function runSend(inputs: string[], opts: SendOptions): Promise<void> {
  const config = loadConfig();
  const request = { ...readRequest(opts, config.reviewRequired), actor: operatorName() ?? 'cli' };
  // `send --now notes.md`: commander reads notes.md as --now's value; it is an article.
  const sources = typeof opts.now === 'string' && !ISO_TIME.test(opts.now) ? [opts.now, ...inputs] : inputs;
  requireNamedPaths(sources);
  if (!request.dryRun) await requireDevInbox(config);
  const ctx = await openContext(config);
  const abort = new AbortController();
  const removeHandlers = onStopSignal(() => abort.abort());
  try {
    const read = request.resumeOnly
      ? { articles: [], failures: [] }
      : await readArticles(sources, config, ctx.logger, ctx.store);
    const { articles } = read;
    const progress = createProgress({ logger: ctx.logger });
    const runner = createEditionRunner(ctx, {
      logger: ctx.logger,
      signal: abort.signal,
      loadSources: async () => articles,
    });
    const ran = await runner.run({ ...request, articles, onProgress: (p) => progress.update(p) });
    progress.end();
    // Read here, not by the runner: its answer names the sources that failed all the same.
    const unread = read.failures.map((f) => ({ source: f.source, error: f.error.message }));
    const result = unread.length > 0 ? { ...ran, unread } : ran;
    process.exitCode = printResult(result, config.publicUrl);
  } finally {
    removeHandlers();
    await ctx.close();
  }
}

/** The options as a run request; wrong combinations are usage errors. */
export function readRequest(opts: SendOptions, reviewRequired = false): RunRequest {
  const review = reviewRequired && opts.review !== false;
  if (review && opts.limit && !opts.dryRun) {
    throw new DigestError(
      'USAGE',
      '--limit sends part of an edition now: with DIGEST_REVIEW=required add --no-review (a draft goes to everyone once approved)',
    );
  }
  if (opts.resume && (opts.dryRun || opts.to || opts.limit)) {
    throw new DigestError(
      'USAGE',
      '--resume finishes recorded editions: it takes no --dry-run, --to or --limit',
    );
  }
  if (opts.to && opts.limit) throw new DigestError('USAGE', '--to sends one test copy: it takes no --limit');
  const request: RunRequest = {
    resumeOnly: opts.resume === true,
    // --resume also takes up editions paused for failures: the operator says the cause is fixed.
    includePaused: opts.resume === true,
    dryRun: opts.dryRun === true,
    review,
  };
  if (typeof opts.now === 'string' && ISO_TIME.test(opts.now)) request.now = parseNow(opts.now);
  else if (typeof opts.now === 'string' && !looksLikeSource(opts.now)) {
    // A misspelt date (`--now 2022-1-6`, `--now tomorrow`) must not become an article name.
    throw new DigestError(
      'USAGE',
      `--now takes an ISO date or time (2022-01-06, 2022-01-06T07:00Z) or nothing, got "${opts.now}" (not a date, nor a file or URL)`,
    );
  }
  if (opts.to) request.to = parseRecipient(opts.to);
  if (opts.limit !== undefined) {
    if (!/^\d+$/.test(opts.limit) || Number(opts.limit) < 1) {
      throw new DigestError('USAGE', `--limit must be a whole number of 1 or more, got "${opts.limit}"`);
    }
    request.limit = Number(opts.limit);
  }
  return request;
}

/** `send --now notes.md`: a value that names a file, folder or URL is an article, not a clock. */
function looksLikeSource(value: string): boolean {
  return /^https?:\/\//i.test(value) || value === '-' || existsSync(value);
}

async function readArticles(
  inputs: string[],
  config: Readonly<Config>,
  logger: Logger,
  store: IngestStore,
): Promise<SourcesRead> {
  const { articles, failures } = await loadArticles(inputs.length > 0 ? inputs : config.sources, {
    store,
    fetch: { allowPrivateLinks: config.fetchPrivateLinks },
    log: (line) => logger.info(line),
  });
  for (const f of failures) logger.warn({ source: f.source }, `skipped ${f.source}: ${f.error.message}`);
  // What the operator named goes in whole, or nothing goes out.
  refuseUnreadNamedInputs(inputs, failures);
  if (inputs.length > 0 && articles.length === 0 && failures.length > 0) {
    throw new DigestError('ARTICLE_UNREADABLE', 'no readable article among the inputs');
  }
  return { articles, failures };
}

/** "Nothing to send": because nothing is new, or because sources failed (the command then exits 1). */
function nothingToSend(unread: SourceFailure[] | undefined): string {
  if (!unread?.length) return 'nothing to send: no new articles';
  return `nothing to send: ${unreadSources(unread)}`;
}

/** 1 when nothing was made and a source failed: "nothing new" is not known. */
function failedEmpty(made: unknown, unread: SourceFailure[] | undefined): number {
  return made === null && unread?.length ? 1 : 0;
}

/** Prints what the run did on standard output; returns the exit code. */
function printResult(result: RunResult, publicUrl: string): number {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  switch (result.kind) {
    case 'busy':
      out(`another run is in progress (${result.holder ?? 'unknown holder'}): try again when it ends`);
      return 1;
    case 'planned':
      if (!result.plan) out(nothingToSend(result.unread));
      else {
        const p = result.plan;
        out(`dry run: edition ${p.editionId} "${p.subject}"`);
        out(`  ${p.articles} article(s) to ${p.recipients} recipient(s); nothing sent, nothing recorded`);
      }
      return failedEmpty(result.plan, result.unread);
    case 'test-sent':
      out(
        result.plan
          ? `test copy of edition ${result.plan.editionId} sent to ${result.to} (not recorded)`
          : nothingToSend(result.unread),
      );
      return failedEmpty(result.plan, result.unread);
    case 'ran':
      return summarize(result.reports, result.unread);
    case 'drafted':
      if (result.reports.length > 0) summarize(result.reports);
      out(describeDrafted(result, publicUrl));
      return failedEmpty(result.draft, result.unread);
    case 'changed':
      // Only the desk asks for an expected edition; said plainly should a caller ever do so.
      summarize(result.reports);
      out('the sources changed since the dry run: nothing sent, nothing recorded');
      return 1;
    case 'held':
    case 'not-sendable':
      summarize(result.reports);
      out(result.kind === 'held' ? `draft ${result.draftId} is held` : 'the draft cannot be sent');
      return 1;
  }
}

function describeDrafted(result: Extract<RunResult, { kind: 'drafted' }>, publicUrl: string): string {
  const { draft } = result;
  if (!draft) return nothingToSend(result.unread);
  if (!result.created) return `a draft exists already: ${draft.id} (digest drafts show ${draft.id})`;
  return [
    `draft ${draft.id} "${draft.subject}": ${draft.edition.items.length} article(s), waiting for an editor (DIGEST_REVIEW=required)`,
    `  review it: ${draftUrl(publicUrl, draft.id)}`,
    `  or: digest drafts show ${draft.id}; digest drafts approve ${draft.id} --send-now`,
  ].join('\n');
}

/** Prints one line per edition; 0 when everything was delivered, 1 otherwise. */
function summarize(reports: DeliveryReport[], unread?: SourceFailure[]): number {
  let code = 0;
  for (const r of reports) {
    const p = r.progress;
    process.stdout.write(
      `${r.editionId}: ${r.outcome}, ${p.sent}/${p.total} sent, ${p.failed} failed, ${p.queued} queued\n`,
    );
    for (const e of r.lastErrors) process.stdout.write(`  ${e}\n`);
    if (r.reason && r.outcome === 'paused') process.stdout.write(`  ${r.reason}\n`);
    if (r.outcome === 'stopped') process.stdout.write('  stopped: `digest send --resume` sends the rest\n');
    if (r.outcome !== 'done' || p.failed > 0 || p.queued > 0) code = 1;
  }
  if (reports.length === 0) process.stdout.write(`${nothingToSend(unread)}\n`);
  return unread?.length && reports.length === 0 ? 1 : code;
}
