import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import type { DeliveryReport } from '../deliver/deliver-edition.ts';
import { loadArticles } from '../ingest/load.ts';
import { resumeEditions, sendEdition } from '../pipeline.ts';
import { openContext } from './context.ts';
import { logLine } from './output.ts';
import { parseNow } from './render-command.ts';

/** `digest send [ARTICLE ...] [--resume] [--now ISO]` */
export function registerSend(program: Command): void {
  program
    .command('send')
    .description(
      'make an edition of the new articles (or the configured sources) and deliver it to every active subscriber',
    )
    .argument('[articles...]', 'article files, folders or URLs (default: DIGEST_SOURCES)')
    .option('--resume', 'only finish editions left unfinished')
    .option('--now <iso>', 'the clock of the edition')
    .action(async (inputs: string[], opts: { resume?: boolean; now?: string }) => {
      const config = loadConfig();
      const ctx = await openContext(config);
      try {
        const reports = await resumeEditions(ctx);
        if (!opts.resume) {
          const { articles, failures } = await loadArticles(inputs.length > 0 ? inputs : config.sources);
          for (const f of failures) logLine(`skipped ${f.source}: ${f.error.message}`);
          const report = await sendEdition(ctx, articles, { now: parseNow(opts.now) });
          if (report) reports.push(report);
        }
        process.exitCode = summarize(reports);
      } finally {
        await ctx.close();
      }
    });
}

/** Prints one line per edition; 0 when everything was delivered, 1 otherwise. */
function summarize(reports: DeliveryReport[]): number {
  let code = 0;
  for (const r of reports) {
    const p = r.progress;
    process.stdout.write(
      `${r.editionId}: ${r.outcome}, ${p.sent}/${p.total} sent, ${p.failed} failed, ${p.queued} queued\n`,
    );
    for (const e of r.lastErrors) process.stdout.write(`  ${e}\n`);
    if (r.outcome !== 'done' || p.failed > 0 || p.queued > 0) code = 1;
  }
  if (reports.length === 0) process.stdout.write('nothing to send: no new articles\n');
  return code;
}
