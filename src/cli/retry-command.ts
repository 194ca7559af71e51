import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { DigestError } from '../errors.ts';
import { createEditionRunner } from '../schedule/runner.ts';
import { summaryOf } from './commands.ts';
import { openContext } from './context.ts';
import { requireDevInbox } from './dev-inbox-check.ts';
import { operatorName } from './operator.ts';
import { createProgress } from './progress.ts';
import { onStopSignal } from './signals.ts';

/** `digest retry-failed [EDITION]` */
export function registerRetryFailed(program: Command): void {
  program
    .command('retry-failed')
    .description(summaryOf('retry-failed'))
    .argument('[edition]', 'edition id (default: the latest edition)')
    .addHelpText('after', '\nExit status: 0 when everything is delivered, 1 otherwise.')
    .action(async (id: string | undefined) => {
      const config = loadConfig();
      await requireDevInbox(config);
      const ctx = await openContext(config);
      const abort = new AbortController();
      const removeHandlers = onStopSignal(() => abort.abort());
      try {
        const editionId = id ?? (await ctx.store.listEditions(1))[0]?.id;
        if (!editionId) throw new DigestError('USAGE', 'no editions yet: nothing to retry');
        if (!(await ctx.store.getEdition(editionId))) {
          throw new DigestError('USAGE', `no edition "${editionId}" (see \`digest editions\`)`);
        }
        const progress = createProgress({ logger: ctx.logger });
        const runner = createEditionRunner(ctx, {
          logger: ctx.logger,
          signal: abort.signal,
          loadSources: async () => [],
        });
        await ctx.store.audit.record({
          actor: operatorName() ?? 'cli',
          action: 'edition.retry-failed',
          target: editionId,
        });
        const result = await runner.retryFailed(editionId, (p) => progress.update(p));
        progress.end();
        if (result.kind === 'busy') {
          process.stdout.write(
            `another run is in progress (${result.holder ?? 'unknown holder'}): try again later\n`,
          );
          process.exitCode = 1;
          return;
        }
        const report = result.kind === 'ran' ? result.reports[0] : undefined;
        const p = report?.progress;
        if (!report || !p) return;
        process.stdout.write(
          `${report.editionId}: ${report.outcome}, ${p.sent}/${p.total} sent, ${p.failed} failed, ${p.queued} queued\n`,
        );
        for (const e of report.lastErrors) process.stdout.write(`  ${e}\n`);
        process.exitCode = report.outcome === 'done' && p.failed === 0 && p.queued === 0 ? 0 : 1;
      } finally {
        removeHandlers();
        await ctx.close();
      }
    });
}
