import type { Command } from 'commander';
import { DigestError } from '../errors.ts';
import {
  describeEdition,
  type EditionDetail,
  type EditionSummary,
  listEditionSummaries,
} from '../schedule/edition-status.ts';
import { escapeTerminal } from '../terminal-text.ts';
import { formatBounceCounts } from './bounce-format.ts';
import { summaryOf } from './commands.ts';
import { openStoreContext } from './store-context.ts';

/** `digest status [EDITION] [--json]` and `digest editions [--json] [--limit N]` */
export function registerStatus(program: Command): void {
  program
    .command('status')
    .description(summaryOf('status'))
    .argument('[edition]', 'edition id (default: the latest edition)')
    .option('--json', 'print one JSON object (null when there is no edition yet)')
    .action(async (id: string | undefined, opts: { json?: boolean }) => {
      const ctx = await openStoreContext();
      try {
        const detail = await describeEdition(ctx.store, id);
        if (!detail && id) throw new DigestError('USAGE', `no edition "${id}" (see \`digest editions\`)`);
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(detail, null, 2)}\n`
            : detail
              ? formatDetail(detail)
              : 'no editions yet\n',
        );
      } finally {
        await ctx.close();
      }
    });
  program
    .command('editions')
    .description(summaryOf('editions'))
    .option('--json', 'print a JSON array')
    .option('--limit <n>', 'how many editions', '20')
    .action(async (opts: { json?: boolean; limit: string }) => {
      if (!/^\d+$/.test(opts.limit) || Number(opts.limit) < 1) {
        throw new DigestError('USAGE', `--limit must be a whole number of 1 or more, got "${opts.limit}"`);
      }
      const ctx = await openStoreContext();
      try {
        const list = await listEditionSummaries(ctx.store, Number(opts.limit));
        process.stdout.write(opts.json ? `${JSON.stringify(list, null, 2)}\n` : formatList(list));
      } finally {
        await ctx.close();
      }
    });
}

/** The detail as a few human-readable lines. */
export function formatDetail(d: EditionDetail): string {
  const p = d.progress;
  const lines = [
    `edition ${d.id}  ${d.status}  ${d.slot ? `slot ${d.slot}` : 'no slot (a manual send or the first run)'}`,
    `  subject  ${d.subject}`,
    `  created  ${d.createdAt}${d.finishedAt ? `  finished ${d.finishedAt}` : ''}`,
    `  ${p.total} recipient(s): ${p.queued} queued, ${p.sending} sending, ${p.sent} sent, ${p.failed} failed, ` +
      `${p.skipped ?? 0} skipped; ${d.bounced} bounced`,
    `  bounce reports  ${formatBounceCounts(d.bounces, { unmatched: false })}`,
  ];
  if (d.lastErrors.length > 0) lines.push('  last errors:');
  for (const e of d.lastErrors)
    lines.push(`    ${e.at}  ${escapeTerminal(e.email)} (${e.status}): ${escapeTerminal(e.error)}`);
  if (d.retryable > 0) {
    lines.push(
      `  \`digest retry-failed ${d.id}\` queues the ${d.retryable} failed to active subscribers again`,
    );
  }
  if (p.failed > d.retryable) {
    lines.push(
      `  ${p.failed - d.retryable} failed to addresses that bounced or left: retry-failed skips them`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** One tab-separated line per edition. */
export function formatList(list: EditionSummary[]): string {
  if (list.length === 0) return 'no editions yet\n';
  const lines = list.map((e) => {
    const p = e.progress;
    return [e.id, e.status, `${p.sent}/${p.total} sent`, `${p.failed} failed`, e.createdAt, e.subject].join(
      '\t',
    );
  });
  return `${lines.join('\n')}\n`;
}
