import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { DigestError } from '../errors.ts';
import { loadArticles } from '../ingest/load.ts';
import { startPreviewServer } from '../server/preview-server.ts';
import { summaryOf } from './commands.ts';
import { requireNamedPaths } from './named-inputs.ts';
import { logLine, warnAboutConfig } from './output.ts';
import { parseRecipient } from './recipient.ts';
import { parseNow } from './render-command.ts';

/** `digest preview <inputs...> [--port N] [--now ISO] [--to ADDRESS]` */
export function registerPreview(program: Command): void {
  program
    .command('preview')
    .description(summaryOf('preview'))
    .argument('<inputs...>', 'article files, folders or URLs')
    .option('--port <n>', 'port on 127.0.0.1 (0 = any free port)', '3031')
    .option('--now <iso>', 'the clock of the edition (events before it are not upcoming)')
    .option('--to <address>', 'the sample recipient', 'Demo Reader <reader@example.com>')
    .action(async (inputs: string[], opts: { port: string; now?: string; to: string }) => {
      const config = loadConfig();
      warnAboutConfig(config);
      // The options first, then the paths: each mistake is named before anything is read.
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535)
        throw new DigestError('USAGE', `--port must be a port number, got "${opts.port}"`);
      const now = opts.now === undefined ? undefined : parseNow(opts.now);
      const recipient = parseRecipient(opts.to);
      requireNamedPaths(inputs);
      const loadSources = () =>
        loadArticles(inputs, { fetch: { allowPrivateLinks: config.fetchPrivateLinks } });
      // Fail at start, with the reasons, rather than serve a page that can only say "nothing".
      const first = await loadSources();
      for (const f of first.failures) logLine(`skipped ${f.source}: ${f.error.message}`);
      if (first.articles.length === 0)
        throw new DigestError('ARTICLE_UNREADABLE', 'no readable article among the inputs');
      const server = await startPreviewServer({
        config,
        port,
        loadSources,
        recipient,
        ...(now ? { now: () => now } : {}),
      });
      process.stdout.write(`preview: ${server.url}/\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await server.close();
    });
}
