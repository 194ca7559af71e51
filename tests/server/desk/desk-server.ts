import type { SMTPServerOptions } from 'smtp-server';
import { addAccount } from '../../../src/accounts/accounts.ts';
import { createNotifier } from '../../../src/alerts/notifier.ts';
import { createDeskActions } from '../../../src/schedule/desk-actions.ts';
import { createEditionRunner, type EditionRunnerOptions } from '../../../src/schedule/runner.ts';
import { startWorker } from '../../../src/schedule/worker.ts';
import { startHttpServer } from '../../../src/server/http-server.ts';
import { createPreviewHandler } from '../../../src/server/preview.ts';
import type { Role } from '../../../src/store/accounts.ts';
import { pageText } from '../../helpers/page-text.ts';
import { startSmtpSink } from '../../helpers/smtp-sink.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { ingestSample, openTestContext } from '../../schedule/context.ts';

export { pageText };

export const PASSWORD = 'a long desk password';

/**
 * The worker's real HTTP server with the desk, on an ephemeral loopback port: a SQLite store
 * in a temp folder, a real runner and notifier, a real SMTP sink. PUBLIC_URL is the server's
 * own address, as it is by default.
 */
export async function startDeskServer(
  env: Record<string, string> = {},
  options: {
    sink?: Partial<SMTPServerOptions>;
    worker?: boolean;
    /** The sources of every run (default: the sample article). */
    loadSources?: EditionRunnerOptions['loadSources'];
    answerWithinMs?: number;
  } = {},
) {
  const temp = makeTempDir('digest-desk-');
  const sink = await startSmtpSink(options.sink);
  const ctx0 = await openTestContext(temp.dir, sink.url, {
    UNSUBSCRIBE_SECRET: 'unsubscribe-secret-for-tests',
    SMTP_RETRY_BASE_MS: '0',
    ...env,
  });
  const ctx = {
    ...ctx0,
    notifier: createNotifier({ config: ctx0.config, mailer: ctx0.mailer, logger: ctx0.logger }),
  };
  const runner = createEditionRunner(ctx, {
    logger: ctx.logger,
    loadSources: options.loadSources ?? ingestSample,
  });
  const server = await startHttpServer({
    port: 0,
    store: ctx.store,
    secret: ctx.secret,
    newsletterName: ctx.config.newsletterName,
    // The archive as the service mounts it: the sent draft's page links there.
    ...(ctx.config.archive === 'public' ? { archive: { config: ctx.config } } : {}),
    desk: {
      store: ctx.store,
      secret: ctx.secret,
      config: ctx.config,
      actions: createDeskActions(runner, ctx.store, ctx.logger, ctx.config.reviewRequired),
      recipient: { email: 'reader@example.com', name: 'Demo Reader' },
      ...(options.answerWithinMs === undefined ? {} : { answerWithinMs: options.answerWithinMs }),
    },
    // The real preview (no dev inbox here): only signed-in desk accounts may see it.
    preview: createPreviewHandler({
      config: ctx.config,
      secret: ctx.secret,
      loadSources: async () => ({ articles: await ingestSample(), failures: [] }),
    }),
  });
  // The scheduled worker on the same store and runner, as `npm start` runs it (slots, review tick).
  const worker = options.worker
    ? startWorker(ctx, { runner, logger: ctx.logger, sendOnFirstStart: false, reviewTickMs: 100 })
    : null;
  await worker?.ready;
  /** A new account's one-time sign-in link, on this server. */
  const account = async (email: string, role: Role) => {
    const { link } = await addAccount(ctx.store, { email, role, actor: 'test', publicUrl: server.url });
    return link.replace(/^https?:\/\/[^/]+/, server.url);
  };
  return {
    url: server.url,
    ctx,
    sink,
    runner,
    account,
    async close() {
      await worker?.stop();
      await runner.idle();
      await server.close();
      await ctx.close();
      await sink.close();
      temp.remove();
    },
  };
}

/** A client that keeps cookies, as a browser does, and reads a page's CSRF token. */
export function deskClient(base: string) {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      if (name) jar.set(name.trim(), rest.join('='));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const request = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${base}${path}`, {
      redirect: 'manual',
      ...init,
      headers: { ...(jar.size ? { cookie: cookie() } : {}), ...(init.headers as Record<string, string>) },
    });
    remember(response);
    return response;
  };
  return {
    jar,
    get: (path: string) => request(path),
    /** Posts a urlencoded form. */
    post: (path: string, fields: Record<string, string>) =>
      request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      }),
    postMultipart: (path: string, form: FormData) => request(path, { method: 'POST', body: form }),
    /** Follows a redirect as a browser would (a GET of its Location), with this client's cookies. */
    follow(response: Response): Promise<Response> {
      const location = response.headers.get('location');
      if (response.status !== 303 || !location) throw new Error(`not a redirect: ${response.status}`);
      return request(location);
    },
    /** The CSRF token of the page at `path` (setting its cookie). */
    async csrf(path = '/desk/sign-in'): Promise<string> {
      const page = await (await request(path)).text();
      return /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    },
    /** Signs in with the one-time link: sets the password, keeps the session cookie. */
    async welcome(link: string, password = PASSWORD): Promise<Response> {
      const token = new URL(link).searchParams.get('token') ?? '';
      const csrf = await this.csrf(`/desk/welcome?token=${token}`);
      return this.post('/desk/welcome', { _csrf: csrf, token, password, repeat: password });
    },
  };
}

/** The body rows of a page's tables, each the text of its cells (row headers included). */
export function tableRows(html: string): string[][] {
  const bodies = [...html.matchAll(/<tbody[^>]*>([\s\S]*?)<\/tbody>/g)].map((m) => m[1] ?? '');
  return bodies.flatMap((body) =>
    [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => pageText(cell[1] ?? '')),
    ),
  );
}
