import { join } from 'node:path';
import { loadSources } from '../../src/cli/service.ts';
import { describeEdition, listEditionSummaries } from '../../src/schedule/edition-status.ts';
import { createEditionRunner } from '../../src/schedule/runner.ts';
import { triggerEdition } from '../../src/schedule/trigger.ts';
import { startHttpServer } from '../../src/server/http-server.ts';
import type { OpsApiOptions } from '../../src/server/ops-api.ts';
import { type DigestProcess, startDigest } from '../helpers/child.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { openTestContext } from '../schedule/context.ts';

/** The real HTTP server with the ops API over `ctx`'s store, triggering `runner`. */
export function startOpsServer(
  ctx: Awaited<ReturnType<typeof openTestContext>>,
  runner: ReturnType<typeof createEditionRunner>,
  ops: Pick<OpsApiOptions, 'token'> & Partial<OpsApiOptions>,
): Promise<{ url: string; close(): Promise<void> }> {
  return startHttpServer({
    port: 0,
    store: ctx.store,
    secret: ctx.secret,
    newsletterName: 'Test Digest',
    // As `digest serve` does: the server's errors go to the log.
    onError: (error) => ctx.logger.error({ err: error }, `HTTP: ${error.message}`),
    ops: {
      listEditions: () => listEditionSummaries(ctx.store),
      getEdition: (id) => describeEdition(ctx.store, id),
      trigger: (request) => triggerEdition(runner, ctx.logger, request),
      ...ops,
    },
  });
}

/** An ops API over its own store and SMTP sink, reading DIGEST_SOURCES as `digest worker` does. */
export interface OpsRig {
  ctx: Awaited<ReturnType<typeof openTestContext>>;
  sink: Awaited<ReturnType<typeof startSmtpSink>>;
  runner: ReturnType<typeof createEditionRunner>;
  /** A call with the bearer token. */
  call(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** Starts an OpsRig with one subscriber (ana@example.org); `env` gives the sources and more. */
export async function startOpsRig(env: Record<string, string>, token: string): Promise<OpsRig> {
  const temp = makeTempDir('digest-ops-rig-');
  const sink = await startSmtpSink();
  const ctx = await openTestContext(temp.dir, sink.url, { DIGEST_FETCH_PRIVATE: 'allow', ...env });
  await ctx.store.addSubscriber('ana@example.org', null);
  // The service's own reader of DIGEST_SOURCES.
  const runner = createEditionRunner(ctx, {
    logger: ctx.logger,
    loadSources: () => loadSources(ctx.config, ctx.logger, ctx.store),
  });
  const server = await startOpsServer(ctx, runner, { token });
  return {
    ctx,
    sink,
    runner,
    call: (path, init = {}) =>
      fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}` } }),
    close: async () => {
      await server.close();
      await runner.idle();
      await ctx.close();
      await sink.close();
      temp.remove();
    },
  };
}

/** The environment of a `digest worker` on a SQLite file in `dir`, its ops API on, reading `source`. */
export function slowWorkerEnv(
  dir: string,
  smtpUrl: string,
  source: string,
  token: string,
): Record<string, string> {
  return {
    DIGEST_DB: join(dir, 'digest.db'),
    SMTP_URL: smtpUrl,
    MAIL_FROM: 'Digest <digest@news.example>',
    OPS_TOKEN: token,
    HTTP_PORT: '0',
    DIGEST_SOURCES: source,
    DIGEST_FETCH_PRIVATE: 'allow',
    LOG_LEVEL: 'info',
  };
}

/** Starts `digest worker` with `env`; resolves once it listens, with its address. */
export async function startWorker(
  env: Record<string, string>,
): Promise<{ worker: DigestProcess; url: string }> {
  const worker = startDigest(['worker'], env);
  const pattern = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/;
  await worker.waitFor(pattern);
  return { worker, url: pattern.exec(worker.output())?.[1] ?? '' };
}
