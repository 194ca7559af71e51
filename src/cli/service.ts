import { dirname, join } from 'node:path';
import { loadConfig } from '../config.ts';
import { loadArticles } from '../ingest/load.ts';
import { startWorker } from '../schedule/worker.ts';
import { type DevInbox, startDevInbox } from '../server/dev-inbox/index.ts';
import { startHttpServer } from '../server/http-server.ts';
import { openContext } from './context.ts';
import { logLine } from './output.ts';
import { parseRecipient } from './render-command.ts';

/**
 * The long-running service: HTTP server, dev inbox when SMTP_URL is unset, and (with
 * schedule) the worker. Returns after SIGINT/SIGTERM, when everything has stopped.
 */
export async function runService({ schedule }: { schedule: boolean }): Promise<void> {
  const config = loadConfig();
  let inbox: DevInbox | undefined;
  if (!config.smtpUrl) {
    inbox = await startDevInbox({
      dir: join(dirname(config.dbPath), 'inbox'),
      smtpPort: config.devInboxSmtpPort,
      host: '127.0.0.1',
    });
  }
  const ctx = await openContext(config);
  const server = await startHttpServer({
    host: config.httpHost,
    port: config.httpPort,
    store: ctx.store,
    secret: ctx.secret,
    newsletterName: config.newsletterName,
    ...(inbox ? { inbox } : {}),
  });
  if (inbox && (await ctx.store.countSubscribers()) === 0) {
    const demo = parseRecipient(config.demoSubscriber);
    await ctx.store.addSubscriber(demo.email, demo.name);
    logLine(`added the demo subscriber ${demo.email}`);
  }
  logLine(inbox ? `dev inbox: ${server.url}/inbox (SMTP ${inbox.smtpUrl})` : `sending through SMTP_URL`);
  logLine(`server: ${server.url}`);
  const abort = new AbortController();
  const worker = schedule
    ? startWorker(ctx, {
        signal: abort.signal,
        loadSources: async () => {
          const { articles, failures } = await loadArticles(config.sources);
          for (const f of failures) logLine(`skipped ${f.source}: ${f.error.message}`);
          return articles;
        },
      })
    : null;
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logLine(`${signal}: stopping`);
      abort.abort();
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await worker?.stop();
  await server.close();
  await ctx.close();
  await inbox?.close();
  logLine('stopped');
}
