import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { DigestError } from '../errors.ts';
import { loadArticles } from '../ingest/load.ts';
import { buildMessage, mailDomain, prepareEdition } from '../pipeline.ts';
import { composeMime } from '../render/mime.ts';
import { summaryOf } from './commands.ts';
import { requireNamedPaths } from './named-inputs.ts';
import { logLine, warnAboutConfig } from './output.ts';
import { parseRecipient } from './recipient.ts';

/** Parses a --now value: an ISO date or date-time. */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime()))
    throw new DigestError('USAGE', `--now must be an ISO date or time, got "${value}"`);
  return date;
}

/** `digest render <inputs...> --out DIR [--now ISO]` */
export function registerRender(program: Command): void {
  program
    .command('render')
    .description(summaryOf('render'))
    .argument('<inputs...>', 'article files, folders, URLs, or -')
    .requiredOption('--out <dir>', 'output folder (created when missing)')
    .option('--now <iso>', 'the clock of the edition (events before it are not upcoming)')
    .option('--to <address>', 'the recipient shown in the preview', 'Preview Reader <preview@example.org>')
    .action(async (inputs: string[], opts: { out: string; now?: string; to: string }) => {
      const config = loadConfig();
      warnAboutConfig(config);
      const now = parseNow(opts.now);
      const to = parseRecipient(opts.to);
      requireNamedPaths(inputs);
      const { articles, failures } = await loadArticles(inputs, {
        fetch: { allowPrivateLinks: config.fetchPrivateLinks },
      });
      for (const f of failures) logLine(`skipped ${f.source}: ${f.error.message}`);
      if (articles.length === 0)
        throw new DigestError('ARTICLE_UNREADABLE', 'no readable article among the inputs');
      const rendered = await prepareEdition(articles, config, now);
      const messageId = `<${rendered.edition.id}.preview@${mailDomain(config.mailFrom)}>`;
      const message = buildMessage(rendered, { ...to, messageId }, config, 'preview-secret-not-for-sending');
      await mkdir(opts.out, { recursive: true });
      await writeFile(join(opts.out, 'digest.html'), message.html);
      await writeFile(join(opts.out, 'digest.txt'), message.text);
      await writeFile(join(opts.out, 'digest.eml'), await composeMime(message));
      process.stdout.write(
        `${join(opts.out, 'digest.html')}\n${join(opts.out, 'digest.txt')}\n${join(opts.out, 'digest.eml')}\n`,
      );
    });
}
