import { dirname, join } from 'node:path';
import { bounceContext } from '../bounces/ingest.ts';
import { SnsVerifier } from '../bounces/sns.ts';
import { type Config, loadConfig } from '../config.ts';
import { DigestError } from '../errors.ts';
import { loadArticles } from '../ingest/load.ts';
import type { Logger } from '../log.ts';
import { createDeskActions } from '../schedule/desk-actions.ts';
import { describeEdition, listEditionSummaries } from '../schedule/edition-status.ts';
import { createEditionRunner, type EditionRunner } from '../schedule/runner.ts';
import { startSender } from '../schedule/sender.ts';
import type { SourcesRead } from '../schedule/source-reads.ts';
import { triggerEdition } from '../schedule/trigger.ts';
import { startWorker } from '../schedule/worker.ts';
import { type DevInbox, startDevInbox } from '../server/dev-inbox/index.ts';
import { startHttpServer } from '../server/http-server.ts';
import type { OpsApiOptions } from '../server/ops-api.ts';
import { createPreviewHandler } from '../server/preview.ts';
import { createSignupService, type SignupService } from '../server/signup/service.ts';
import { isPostgresUrl } from '../store/open-store.ts';
import type { DigestStore } from '../store/store.ts';
import { openContext } from './context.ts';
import { parseRecipient } from './recipient.ts';
import { onStopSignal } from './signals.ts';
import type { WorkerRole } from './worker-command.ts';

/** How long the worker's /preview keeps what it fetched: a reload does not fetch every feed again. */
const PREVIEW_CACHE_MS = 60_000;

/**
 * The long-running service: HTTP server (with the ops API), dev inbox when SMTP_URL is unset,
 * and (with schedule) the worker. On SIGINT/SIGTERM it stops taking work, lets the sends in
 * flight finish, hands claimed deliveries back to the queue, and returns (exit code 0).
 */
export async function runService({ schedule, role }: { schedule: boolean; role: WorkerRole }): Promise<void> {
  const config = loadConfig();
  if (role === 'scheduler' && !config.redisUrl) {
    throw new DigestError(
      'CONFIG_INVALID',
      'REDIS_URL must be set for --role scheduler (senders need a queue)',
    );
  }
  const opened: Closer[] = [];
  const started = await startParts(config, opened).catch(async (error: unknown) => {
    // Any start-up failure (an empty database file, Postgres unreachable, a taken port):
    // close what was opened (the dev inbox's ports above all), so the process exits with
    // the one-line error instead of hanging on a listening socket.
    await closeAll(opened);
    throw error;
  });
  const { ctx, inbox, server, runner, signup, abort } = started;
  const { logger } = ctx;
  logger.info(inbox ? `dev inbox: ${server.url}/inbox (SMTP ${inbox.smtpUrl})` : 'sending through SMTP_URL');
  logger.info(`sign-up page: ${config.publicUrl}/subscribe`);
  const purge = schedulePurge(signup, logger);
  logger.info(
    { url: server.url, opsApi: config.opsToken !== null },
    `server: ${server.url}${config.opsToken ? ` (ops API at ${server.url}/api/editions)` : ''}`,
  );
  const stopped = waitForSignal(logger, abort);
  // role all with a queue: this process sends too, beside any sender processes.
  const sender = schedule && role === 'all' && config.redisUrl ? startSender(ctx, logger) : null;
  const worker = schedule ? startWorker(ctx, { runner, logger, signal: abort.signal }) : null;
  worker?.ready.catch((error: unknown) => {
    logger.error({ err: error }, 'the worker could not start');
    process.exitCode = 1;
    abort.abort();
  });
  await stopped;
  clearInterval(purge);
  await worker?.stop();
  await runner.idle();
  await sender?.close();
  await server.close();
  await signup.idle();
  await ctx.close();
  await inbox?.close();
  logger.info('stopped');
}

/** Something start-up opened, and how to close it. */
type Closer = () => Promise<unknown>;

/** Closes, newest first, what start-up opened; one that fails to close does not keep the others open. */
async function closeAll(opened: Closer[]): Promise<void> {
  for (const close of opened.reverse()) await close().catch(() => undefined);
}

/** Opens the dev inbox, the context and the HTTP server, each pushed on `opened` once open. */
async function startParts(config: Readonly<Config>, opened: Closer[]) {
  const inbox = config.smtpUrl ? undefined : await openInbox(config);
  if (inbox) opened.push(() => inbox.close());
  const ctx = await openContext(config);
  opened.push(() => ctx.close());
  const { logger } = ctx;
  const abort = new AbortController();
  const runner = createEditionRunner(ctx, {
    logger,
    signal: abort.signal,
    loadSources: () => loadSources(config, logger, ctx.store),
  });
  const signup = createSignupService({
    store: ctx.store,
    mailer: ctx.mailer,
    config,
    secret: ctx.secret,
    log: (level, message) => logger[level](message),
  });
  const server = await startHttpServer({
    host: config.httpHost,
    port: config.httpPort,
    publicUrl: config.publicUrl,
    allowedHosts: config.httpAllowedHosts,
    trustProxy: config.httpTrustProxy,
    store: ctx.store,
    secret: ctx.secret,
    newsletterName: config.newsletterName,
    ops: opsApi(config, ctx.store, runner, logger),
    signup: { service: signup },
    ...(config.archive === 'public' ? { archive: { config } } : {}),
    desk: {
      store: ctx.store,
      secret: ctx.secret,
      config,
      actions: createDeskActions(runner, ctx.store, logger, config.reviewRequired),
      recipient: parseRecipient(config.demoSubscriber),
    },
    onError: (error) => logger.error({ err: error }, `HTTP: ${error.message}`),
    // Served beside the dev inbox only (it carries valid unsubscribe links): see AppOptions.
    preview: createPreviewHandler({
      config,
      secret: ctx.secret,
      loadSources: () =>
        loadArticles(config.sources, { fetch: { allowPrivateLinks: config.fetchPrivateLinks } }),
      recipient: parseRecipient(config.demoSubscriber),
      cacheMs: PREVIEW_CACHE_MS,
    }),
    ...(inbox ? { inbox } : {}),
    bounceWebhooks: {
      secret: config.bounceWebhookSecret,
      bounces: bounceContext(config, ctx.store, ctx.secret),
      sns: new SnsVerifier(),
      log: (line) => logger.info(line),
    },
  });
  opened.push(() => server.close());
  if (inbox && (await ctx.store.countSubscribers()) === 0) {
    const demo = parseRecipient(config.demoSubscriber);
    await ctx.store.addSubscriber(demo.email, demo.name, { source: 'demo' });
    logger.info(`added the demo subscriber ${demo.email}`);
  }
  return { ctx, inbox, server, runner, signup, abort };
}

/** Deletes unconfirmed sign-ups past DIGEST_UNCONFIRMED_DAYS now and every hour. */
function schedulePurge(signup: SignupService, logger: Logger): NodeJS.Timeout {
  const purge = () =>
    signup
      .purge()
      .then((n) => n > 0 && logger.info(`deleted ${n} unconfirmed sign-up(s) past DIGEST_UNCONFIRMED_DAYS`))
      .catch((error: unknown) => logger.error({ err: error }, 'purging unconfirmed sign-ups failed'));
  void purge();
  return setInterval(purge, 3_600_000).unref();
}

async function openInbox(config: Readonly<Config>): Promise<DevInbox> {
  return startDevInbox({
    // Beside the SQLite file; with Postgres, under data/ of the working folder.
    dir: join(isPostgresUrl(config.dbPath) ? 'data' : dirname(config.dbPath), 'inbox'),
    smtpPort: config.devInboxSmtpPort,
    host: '127.0.0.1',
  });
}

/**
 * Reads the configured sources; an unreadable one is logged and skipped (and returned, for the
 * run's answer to name). With the store, URLs are asked conditionally (ETag, Last-Modified) and
 * feed items already sent are not fetched.
 */
export async function loadSources(
  config: Readonly<Config>,
  logger: Logger,
  store?: DigestStore,
): Promise<SourcesRead> {
  const { articles, failures } = await loadArticles(config.sources, {
    ...(store ? { store } : {}),
    fetch: { allowPrivateLinks: config.fetchPrivateLinks },
    log: (line) => logger.info(line),
  });
  for (const f of failures) logger.warn({ source: f.source }, `skipped ${f.source}: ${f.error.message}`);
  return { articles, failures };
}

function opsApi(
  config: Readonly<Config>,
  store: DigestStore,
  runner: EditionRunner,
  logger: Logger,
): OpsApiOptions {
  return {
    token: config.opsToken,
    listEditions: () => listEditionSummaries(store),
    getEdition: (id) => describeEdition(store, id),
    trigger: (request) => triggerEdition(runner, logger, request),
  };
}

/** Resolves at the first SIGINT or SIGTERM, after aborting the controller (stop taking work). */
export function waitForSignal(logger: Logger, abort: AbortController): Promise<void> {
  return new Promise<void>((resolve) => {
    onStopSignal((signal) => {
      logger.info({ signal }, `${signal}: stopping (sends in flight finish, the rest stays queued)`);
      abort.abort();
      resolve();
    });
    abort.signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
