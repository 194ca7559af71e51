import type { Logger } from '../log.ts';
import type { TriggerOutcome } from '../server/ops-api.ts';
import type { EditionRunner, RunResult } from './runner.ts';
import type { SourceFailure } from './source-reads.ts';
import { whenUnderWay } from './under-way.ts';

/** What a busy answer says when the run in the way is one whose caller went away. */
export const CANCELLED_FINISHING =
  'a run whose caller went away is still finishing reading the sources: it records and sends nothing; try again when it ends';

/**
 * Starts an edition now for the ops API and resolves as soon as it is under way (recorded
 * and queued), so the HTTP call does not wait for the whole delivery; the run goes on and
 * logs its end. A dry run resolves with its plan.
 */
export function triggerEdition(
  runner: EditionRunner,
  logger: Logger,
  request: { dryRun: boolean; cancel?: AbortSignal },
): Promise<TriggerOutcome> {
  if (request.dryRun) {
    return runner.run({ dryRun: true }).then((r) => toOutcome(r));
  }
  const cancel = request.cancel ? { cancel: request.cancel } : {};
  return whenUnderWay(logger, 'triggered run', (started) =>
    runner.run({ actor: 'ops-api', onCreated: started, ...cancel }),
  ).then((run) =>
    run.started
      ? { status: 'started', editionId: run.editionId, ...unreadOf(run.unread) }
      : toOutcome(run.result),
  );
}

/** `unread` only when some source failed: an edition made from the others names them. */
function unreadOf(unread: SourceFailure[] | undefined): { unread?: SourceFailure[] } {
  return unread && unread.length > 0 ? { unread } : {};
}

function toOutcome(result: RunResult): TriggerOutcome {
  switch (result.kind) {
    case 'busy':
      return result.cancelled
        ? { status: 'busy', holder: result.holder, reason: CANCELLED_FINISHING }
        : { status: 'busy', holder: result.holder };
    case 'planned':
    case 'test-sent': {
      if (!result.plan) return nothingNew(result, 0);
      // The API's plan is its contract: the counts, not the desk's list of titles.
      const { editionId, subject, articles, recipients } = result.plan;
      return {
        status: 'planned',
        plan: { editionId, subject, articles, recipients },
        ...unreadOf(result.unread),
      };
    }
    case 'drafted':
      // DIGEST_REVIEW=required: the edition waits for an editor on the desk.
      return result.draft
        ? { status: 'drafted', draftId: result.draft.id, ...unreadOf(result.unread) }
        : nothingNew(result, result.reports.length);
    case 'ran':
    case 'changed':
    case 'held':
    case 'not-sendable':
      return nothingNew(result, result.reports.length);
  }
}

/** Nothing made: "nothing new" only when every source was read; else which failed and why. */
function nothingNew(result: RunResult, resumed: number): TriggerOutcome {
  return result.unread
    ? { status: 'sources-failed', resumed, unread: result.unread }
    : { status: 'nothing-new', resumed };
}
