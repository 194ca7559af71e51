import type { Logger } from '../log.ts';
import type { DeskActions, DeskDryRun, DeskStart } from '../server/desk/actions.ts';
import type { DigestStore } from '../store/store.ts';
import type { EditionPlan, EditionRunner, RunResult } from './runner.ts';
import { describeFailures } from './source-reads.ts';
import { whenUnderWay } from './under-way.ts';

/**
 * The desk's actions on the runner: each resolves as soon as its run is under way (the
 * edition recorded, or sending again), so a page does not wait for a whole delivery; the run
 * goes on and logs its end. Each is written to the audit log with who asked.
 */
export function createDeskActions(
  runner: EditionRunner,
  store: DigestStore,
  logger: Logger,
  reviewRequired: boolean,
): DeskActions {
  const audit = (actor: string, action: string, target: string) =>
    store.audit.record({ actor, action, target });
  return {
    // The runner writes the sends to the audit log itself, with who asked.
    sendDraft: (id, actor) =>
      begin(logger, (started) => runner.run({ draftId: id, actor, onCreated: started })),
    resumeEdition: async (id, actor) => {
      await audit(actor, 'edition.resume', id);
      return begin(logger, (started) => runner.resumeEdition(id, () => started(id)));
    },
    retryFailed: async (id, actor) => {
      await audit(actor, 'edition.retry-failed', id);
      return begin(logger, (started) => runner.retryFailed(id, undefined, () => started(id)));
    },
    planEdition: async () => {
      const result = await runner.run({ dryRun: true });
      return dryRunOf(result, result.kind === 'planned' ? result.plan : null, reviewRequired);
    },
    startEdition: (actor, expectEditionId, cancel) =>
      begin(
        logger,
        (started) =>
          runner.run({ actor, onCreated: started, expectEditionId, ...(cancel ? { cancel } : {}) }),
        reviewRequired,
      ),
  };
}

/** The desk's dry run of a runner's plan, with the sources the run could not read. */
function dryRunOf(result: RunResult, plan: EditionPlan | null, review: boolean): DeskDryRun {
  const unread = result.unread ?? [];
  if (!plan) return { plan: null, unread };
  const { editionId, subject, recipients, titles } = plan;
  return { plan: { editionId, subject, recipients, articles: titles, review }, unread };
}

/** Why nothing was made: no new articles only when every source was read. */
function nothingNew(result: RunResult): DeskStart {
  const unread = result.unread ?? [];
  if (unread.length === 0) return { status: 'nothing', reason: 'No new articles in the sources.' };
  return {
    status: 'nothing',
    reason: `Nothing was made: ${unread.length === 1 ? 'a source' : `${unread.length} sources`} could not be read (${describeFailures(unread)}).`,
  };
}

/** A run's start as the desk says it: its edition, or why it did not start. */
async function begin(
  logger: Logger,
  start: (started: (editionId: string) => void) => Promise<RunResult>,
  review = false,
): Promise<DeskStart> {
  const run = await whenUnderWay(logger, 'desk run', start);
  return run.started ? { status: 'started', editionId: run.editionId } : outcomeOf(run.result, review);
}

function outcomeOf(result: RunResult, review: boolean): DeskStart {
  switch (result.kind) {
    case 'changed':
      return { status: 'changed', dryRun: dryRunOf(result, result.plan, review) };
    case 'busy':
      return { status: 'busy', holder: result.holder, ...(result.cancelled ? { cancelled: true } : {}) };
    case 'drafted':
      return result.draft ? { status: 'drafted', draftId: result.draft.id } : nothingNew(result);
    case 'not-sendable':
      return { status: 'nothing', reason: 'The draft is not approved, or it is being sent or was sent.' };
    case 'held':
      return { status: 'nothing', reason: `Draft ${result.draftId} is held.` };
    default:
      return result.unread ? nothingNew(result) : { status: 'nothing', reason: 'Nothing was left to send.' };
  }
}
