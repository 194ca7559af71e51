import type { Command } from 'commander';
import { describeTarget } from '../compose/draft-change.ts';
import { DigestError } from '../errors.ts';
import { resolveUnsubscribeSecret } from '../pipeline.ts';
import { approveDraft } from '../review/approve-draft.ts';
import { buildDraftMessage } from '../review/draft-message.ts';
import { type DraftState, draftLabel, draftUrl, requireDraft } from '../review/draft-state.ts';
import { createEditionRunner } from '../schedule/runner.ts';
import type { DraftRecord } from '../store/drafts.ts';
import { summaryOf } from './commands.ts';
import { openContext } from './context.ts';
import { operatorName } from './operator.ts';
import { createProgress } from './progress.ts';
import { parseRecipient } from './recipient.ts';
import { onStopSignal } from './signals.ts';
import { withStoreContext } from './store-context.ts';

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);

/** `digest drafts list [--json] | show ID [--json] | approve ID [--send-now] [--revision N]` */
export function registerDrafts(program: Command): void {
  const drafts = program.command('drafts').description(summaryOf('drafts'));
  drafts
    .command('list')
    .description('the drafts, newest first')
    .option('--json', 'print a JSON array')
    .option('--limit <n>', 'how many drafts', '20')
    .action(async (opts: { json?: boolean; limit: string }) => {
      const limit = wholeNumber('--limit', opts.limit);
      await withStoreContext(async (ctx) => {
        const list = await ctx.store.drafts.list(limit);
        out(opts.json ? JSON.stringify(list.map(summarize), null, 2) : formatList(list));
      });
    });
  drafts
    .command('show')
    .description('one draft: its state, its corrections, and its text part as subscribers would get it')
    .argument('<id>', 'draft id (see `digest drafts list`)')
    .option('--json', 'print one JSON object: the draft, its corrections and the corrected edition')
    .action(async (id: string, opts: { json?: boolean }) =>
      withStoreContext(async (ctx) => {
        const state = await requireDraft(ctx.store, id);
        if (opts.json) {
          out(
            JSON.stringify(
              { ...summarize(state.record), edits: state.edits, edition: state.edition },
              null,
              2,
            ),
          );
          return;
        }
        const secret = await resolveUnsubscribeSecret(ctx.config, ctx.store);
        const message = await buildDraftMessage(
          state,
          ctx.config,
          secret,
          parseRecipient(ctx.config.demoSubscriber),
        );
        out(`${formatState(state, ctx.config.publicUrl)}\n--- as sent (text part) ---\n${message.text}`);
      }),
    );
  drafts
    .command('approve')
    .description('approve a draft: it goes at its slot, or at once when it has none or its slot passed')
    .argument('<id>', 'draft id')
    .option('--send-now', 'send it now, from this command, instead of leaving it to the worker')
    .option('--revision <n>', 'approve only if the draft is still at this revision (see `drafts show`)')
    .addHelpText(
      'after',
      '\nExit status: 0 when approved (and, with --send-now, all delivered), 1 otherwise.',
    )
    .action(approve);
}

async function approve(id: string, opts: { sendNow?: boolean; revision?: string }): Promise<void> {
  const revision = opts.revision === undefined ? undefined : wholeNumber('--revision', opts.revision, 0);
  const actor = operatorName() ?? 'cli';
  if (!opts.sendNow) {
    await withStoreContext(async (ctx) => {
      const draft = await approveDraft(ctx.store, id, {
        actor,
        ...(revision === undefined ? {} : { revision }),
      });
      const when =
        draft.slot && !draft.heldAt ? `at its slot ${draft.slot}` : 'within a minute (by the worker)';
      out(`draft ${id} approved (revision ${draft.revision}): it goes out ${when}`);
    });
    return;
  }
  const ctx = await openContext();
  const abort = new AbortController();
  const removeHandlers = onStopSignal(() => abort.abort());
  try {
    await approveDraft(ctx.store, id, { actor, ...(revision === undefined ? {} : { revision }) });
    const progress = createProgress({ logger: ctx.logger });
    const runner = createEditionRunner(ctx, {
      logger: ctx.logger,
      signal: abort.signal,
      loadSources: async () => [],
    });
    const result = await runner.run({ draftId: id, actor, onProgress: (p) => progress.update(p) });
    progress.end();
    process.exitCode = 1;
    if (result.kind === 'busy')
      out(`approved; another run is in progress (${result.holder ?? 'unknown'}): the worker sends it`);
    else if (result.kind === 'not-sendable') {
      const elsewhere = result.draft?.status === 'sending' || result.draft?.status === 'sent';
      out(
        elsewhere
          ? `draft ${id} is already being sent by another run: \`digest status ${id}\``
          : `draft ${id} cannot be sent`,
      );
      if (elsewhere) process.exitCode = 0;
    } else if (result.kind === 'ran') {
      const report = result.reports.find((r) => r.editionId === id);
      const p = report?.progress;
      out(
        p
          ? `${id}: ${report.outcome}, ${p.sent}/${p.total} sent, ${p.failed} failed, ${p.queued} queued`
          : `${id}: recorded`,
      );
      if (report?.outcome === 'done' && p?.failed === 0 && p.queued === 0) process.exitCode = 0;
    }
  } finally {
    removeHandlers();
    await ctx.close();
  }
}

function wholeNumber(option: string, value: string, min = 1): number {
  if (!/^\d+$/.test(value) || Number(value) < min) {
    throw new DigestError('USAGE', `${option} must be a whole number of ${min} or more, got "${value}"`);
  }
  return Number(value);
}

/** A draft without its payload: what lists show. */
function summarize(d: DraftRecord) {
  const { edition, ...rest } = d;
  return { ...rest, state: draftLabel(d), articles: edition.items.length };
}

function formatList(list: DraftRecord[]): string {
  if (list.length === 0) return 'no drafts\n';
  return list
    .map((d) =>
      [d.id, draftLabel(d), d.slot ?? 'manual', `rev ${d.revision}`, d.createdAt, d.subject].join('\t'),
    )
    .join('\n');
}

function formatState({ record: d, edits, edition }: DraftState, publicUrl: string): string {
  const lines = [
    `draft ${d.id}  ${draftLabel(d)}  ${d.slot ? `slot ${d.slot}` : 'manual (no slot)'}  revision ${d.revision}`,
    `  subject   ${d.subject}`,
    `  articles  ${edition.items.map((i) => i.analysis.title).join(' | ') || '(none left)'}`,
    `  created   ${d.createdAt}`,
  ];
  if (d.approvedAt)
    lines.push(`  approved  ${d.approvedAt} by ${d.approvedBy} (revision ${d.approvedRevision})`);
  if (d.heldAt) lines.push(`  held      ${d.heldAt} (its slot passed unapproved)`);
  if (d.sentAt) lines.push(`  sent      ${d.sentAt}: \`digest status ${d.id}\``);
  lines.push(`  desk      ${draftUrl(publicUrl, d.id)}`);
  if (edits.length > 0) lines.push('  corrections:');
  for (const e of edits) {
    lines.push(
      `    r${e.revision} ${e.at} ${e.actor}: ${describeTarget(e.target)} ${JSON.stringify(e.before)} → ${JSON.stringify(e.after)}`,
    );
  }
  return lines.join('\n');
}
