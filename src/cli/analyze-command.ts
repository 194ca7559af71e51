import type { Command } from 'commander';
import { analyzeArticle } from '../analyze/index.ts';
import { DigestError } from '../errors.ts';
import { loadArticles } from '../ingest/load.ts';
import { isCalendarDate } from '../ingest/text.ts';
import type { ArticleAnalysis } from '../models/analysis.ts';
import { summaryOf } from './commands.ts';
import { logLine } from './output.ts';

/** `digest analyze <file|url|-> [--json] [--published YYYY-MM-DD]` */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description(summaryOf('analyze'))
    .argument('<input>', 'article file (.md/.txt with optional front matter), URL, or - for standard input')
    .option('--json', 'print the analysis as one JSON object (the stable contract)')
    .option('--published <date>', 'publication date YYYY-MM-DD (overrides the article front matter)')
    .action(async (input: string, opts: { json?: boolean; published?: string }) => {
      if (opts.published !== undefined && !isCalendarDate(opts.published)) {
        throw new DigestError('USAGE', `--published must be YYYY-MM-DD, got "${opts.published}"`);
      }
      const { articles, failures } = await loadArticles([input]);
      const article = articles[0];
      if (!article)
        throw failures[0]?.error ?? new DigestError('ARTICLE_NOT_FOUND', `${input}: no article found`);
      for (const f of failures) logLine(`skipped ${f.source}: ${f.error.message}`);
      // A feed or a folder gives several: say which one this is (feed items come newest first).
      if (articles.length > 1) {
        const which = `"${article.title}" (${article.url ?? article.source})`;
        logLine(`${input}: ${articles.length} articles; analysing the first: ${which}`);
      }
      const analysis = analyzeArticle({ ...article, publishedAt: opts.published ?? article.publishedAt });
      process.stdout.write(opts.json ? `${JSON.stringify(analysis, null, 2)}\n` : formatAnalysis(analysis));
    });
}

function formatAnalysis(a: ArticleAnalysis): string {
  const lines = [
    a.title,
    `published: ${a.publishedAt ?? 'unknown'}`,
    '',
    'Summary',
    ...a.summary.map((s) => `  ${s}`),
  ];
  lines.push('', `Quotes (${a.quotes.length})`);
  for (const q of a.quotes)
    lines.push(`  “${q.text}” — ${q.speaker ?? 'unknown'}${q.role ? `, ${q.role}` : ''}`);
  lines.push('', `Events (${a.events.length})`);
  for (const e of a.events) {
    const when = `${e.date}${e.endDate ? `..${e.endDate}` : ''}${e.time ? ` ${e.time}` : ''}`;
    lines.push(
      `  ${when} ${e.title}${e.location ? ` · ${e.location}` : ''} ${e.participants.join(', ')}`.trimEnd(),
    );
  }
  lines.push(
    '',
    `Links (${a.links.length})`,
    ...a.links.map((l) => `  ${l.title}${l.url ? ` <${l.url}>` : ''}`),
  );
  return `${lines.join('\n')}\n`;
}
